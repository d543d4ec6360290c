// The recognition happy path in the Microsoft 365 Agents Playground, in headless Chromium, as a person would do it:
// in personal chat, type "recognise", choose a colleague, say what they did, tick a commitment, send, and see the
// thank-you. Usage: node playground-recognise.js <playground url> <colleague name> <screenshot.png>
// Prints {"ok": true, "reply": "..."} or {"ok": false, "error": "..."}.
'use strict';
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', '..', 'node_modules', 'playwright-core'));

const [url, colleague, screenshot] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).first().click({ timeout: 60000 });
    const compose = page.locator('[contenteditable="true"][role="textbox"]').first();
    await compose.click({ timeout: 15000 });
    await compose.type('recognise');
    await page.getByRole('button', { name: 'Send Message' }).first().click({ timeout: 15000 });

    const card = page.locator('.ac-adaptiveCard', { hasText: "Recognise a colleague's kindness" }).last();
    await card.waitFor({ state: 'visible', timeout: 60000 });
    // The Playground renders a filtered choice set as a combobox: type, then pick the option.
    const who = card.getByRole('combobox').first();
    await who.click();
    await who.fill(colleague.slice(0, 3));
    await page.getByRole('option', { name: colleague }).first().click({ timeout: 10000 });
    await card.locator('textarea').first().fill('Stayed late to help a family who were lost, and made them a cup of tea.');
    await card.getByText('Listening', { exact: true }).first().click();
    await card.getByRole('button', { name: 'Send my recognition' }).click();

    const reply = page.locator('.ac-adaptiveCard', { hasText: 'Thank you for noticing' }).last();
    await reply.waitFor({ state: 'visible', timeout: 60000 });
    await reply.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot, fullPage: false });
    console.log(JSON.stringify({ ok: true, reply: await reply.innerText() }));
  } catch (e) {
    try { await page.screenshot({ path: screenshot, fullPage: false }); } catch { /* nothing more to show */ }
    console.log(JSON.stringify({ ok: false, error: String(e && e.message || e).slice(0, 2000) }));
  } finally {
    await browser.close();
  }
})();
