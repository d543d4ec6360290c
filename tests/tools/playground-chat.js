// Drives the Microsoft 365 Agents Playground (a Teams-like client) in headless Chromium, as a person would:
// opens a conversation, types a message, waits for the bot's Adaptive Card with the expected text, and saves a
// screenshot. Usage: node playground-chat.js <playground url> <conversation> <message> <expected card text> <screenshot.png>
// Prints {"ok": true, "cardText": "..."} or {"ok": false, "error": "..."}; exits 0 either way so the caller reports.
'use strict';
const { inPlayground, say } = require('./playground-browser');

const [url, conversation, message, expected, screenshot] = process.argv.slice(2);

inPlayground(url, screenshot, 900, async (page) => {
  await say(page, conversation, message);
  const card = page.locator('.ac-adaptiveCard', { hasText: expected }).last();
  await card.waitFor({ state: 'visible', timeout: 60000 });
  await card.scrollIntoViewIfNeeded();
  return { cardText: await card.innerText() };
});
