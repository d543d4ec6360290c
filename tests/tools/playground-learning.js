// A leader sees how their team is doing in the Microsoft 365 Agents Playground, in headless Chromium, and opens the
// story of change: "how are we doing" in their own chat (the Playground's one user is an admin, so they choose among
// the teams they lead), "Show how it's doing", the dashboard card with its picture (drawn by the bot, behind a link to
// it), then "Story of change" and "Open the story". The story is opened in a page of its own that records every
// console error and every request it makes, and is screenshotted whole.
// Usage: node playground-learning.js <playground url> <card.png> <story.png> <screenshot.png>
// Prints {"ok": true, "card": "...", "chartWidth": n, "story": "...", "storyTitle": "...", "consoleErrors": [], "requests": []} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground, say, step } = require('./playground-browser');

const [url, cardShot, storyShot, screenshot] = process.argv.slice(2);

inPlayground(url, screenshot, 1600, async (page) => {
  await say(page, /Personal Chat/, 'how are we doing');
  const choice = page.locator('.ac-adaptiveCard', { hasText: 'Which team would you like to see?' }).last();
  await step('the choice of team in the personal chat', () => choice.waitFor({ state: 'visible', timeout: 60000 }));
  await choice.getByRole('button', { name: "Show how it's doing" }).click();

  const card = page.locator('.ac-adaptiveCard', { hasText: 'is doing' }).filter({ hasText: 'Recognitions given' }).last();
  await step('the dashboard card in the personal chat', () => card.waitFor({ state: 'visible', timeout: 60000 }));
  const chart = card.locator('img').first();
  await chart.scrollIntoViewIfNeeded();
  const handle = await chart.elementHandle();
  const src = await chart.getAttribute('src');
  const fetched = await page.request.get(src).then((r) => `${r.status()} ${r.headers()['content-type']}`, (e) => String(e).slice(0, 200));
  await step(`the dashboard's picture loaded (${src.slice(0, 60)}…: ${fetched})`, () => page.waitForFunction((img) => img.complete && img.naturalWidth > 0, handle, { timeout: 15000 }));
  const chartWidth = await chart.evaluate((img) => img.naturalWidth);
  await card.screenshot({ path: cardShot });
  const cardText = await card.innerText();

  await card.getByRole('button', { name: 'Story of change', exact: true }).click();
  const ready = page.locator('.ac-adaptiveCard', { hasText: 'The story of change for' }).last();
  await step('the story\'s links in the personal chat', () => ready.waitFor({ state: 'visible', timeout: 60000 }));
  // The Playground opens a card's link with window.open (or, in some versions, a new tab): either is caught, and the
  // story is then opened in a page of its own.
  await page.evaluate(() => { window.__opened = []; window.open = (address) => { window.__opened.push(String(address)); return null; }; });
  const tab = page.context().waitForEvent('page', { timeout: 15000 }).catch(() => null);
  await ready.getByText('Open the story', { exact: true }).first().click();
  let storyUrl = null;
  for (let i = 0; i < 50 && !storyUrl; i++) {
    storyUrl = (await page.evaluate(() => window.__opened[0] || null)) || null;
    if (!storyUrl) await page.waitForTimeout(200);
  }
  if (!storyUrl) {
    const popup = await tab;
    if (!popup) throw new Error('Open the story opened nothing');
    storyUrl = popup.url();
    await popup.close();
  }

  // The story again, in a page that hears everything it does from the first byte.
  const fresh = await page.context().browser().newContext({ viewport: { width: 1000, height: 1200 } });
  const story = await fresh.newPage();
  const consoleErrors = [];
  const requests = [];
  story.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text().slice(0, 300)); });
  story.on('pageerror', (error) => consoleErrors.push(String(error && error.message || error).slice(0, 300)));
  story.on('request', (request) => {
    const address = request.url();
    if (address !== storyUrl && !new URL(address).pathname.endsWith('/favicon.ico')) requests.push(address.slice(0, 200));
  });
  const response = await story.goto(storyUrl, { waitUntil: 'load', timeout: 60000 });
  await story.waitForTimeout(500);
  await story.screenshot({ path: storyShot, fullPage: true });
  const result = {
    card: cardText,
    chartWidth,
    status: response ? response.status() : 0,
    story: await story.locator('body').innerText(),
    storyTitle: await story.title(),
    consoleErrors,
    requests,
  };
  await fresh.close();
  return result;
});
