// A leader gives permission to flex in the team channel of the Microsoft 365 Agents Playground, in headless Chromium:
// a new post mentioning the bot, the form it sends, Preview, "Post it", and the statement card with its buttons.
// Usage: node playground-permission.js <playground url> <bot name> <screenshot.png>
// Prints {"ok": true, "card": "..."} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground, postToBot } = require('./playground-browser');

const [url, botName, screenshot] = process.argv.slice(2);
const what = 'You can offer a customer a goodwill gesture of up to £50 without asking';

inPlayground(url, screenshot, 1200, async (page) => {
  await postToBot(page, botName, 'give permission');

  const form = page.locator('.ac-adaptiveCard', { hasText: 'Give permission to flex' }).last();
  await form.waitFor({ state: 'visible', timeout: 60000 });
  const boxes = form.locator('textarea');
  await boxes.nth(0).fill(what);
  await boxes.nth(1).fill('Once per customer; tell your lead afterwards.');
  await form.getByRole('button', { name: 'Preview' }).click();

  const preview = page.locator('.ac-adaptiveCard', { hasText: "Here's how it will look" }).last();
  await preview.waitFor({ state: 'visible', timeout: 60000 });
  await preview.getByRole('button', { name: 'Post it' }).click();

  const statement = page.locator('.ac-adaptiveCard', { hasText: "I've read this" }).filter({ hasText: what }).last();
  await statement.waitFor({ state: 'visible', timeout: 60000 });
  await statement.scrollIntoViewIfNeeded();
  return { card: await statement.innerText() };
});
