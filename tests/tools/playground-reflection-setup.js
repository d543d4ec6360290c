// A leader sets up the team's weekly reflection in the Microsoft 365 Agents Playground, in headless Chromium: a new
// post in General mentioning the bot with "reflection", the set-up form as it comes (Monday, 09:30, all six
// commitments), "Save the schedule", and the status card with its buttons.
// Usage: node playground-reflection-setup.js <playground url> <bot name> <screenshot.png>
// Prints {"ok": true, "card": "..."} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground, postToBot } = require('./playground-browser');

const [url, botName, screenshot] = process.argv.slice(2);

inPlayground(url, screenshot, 1400, async (page) => {
  await postToBot(page, botName, 'reflection');

  // The form and the status card share the title "Weekly reflection"; only the form has "Save the schedule".
  const form = page.locator('.ac-adaptiveCard', { hasText: 'Weekly reflection' }).filter({ hasText: 'Save the schedule' }).last();
  await form.waitFor({ state: 'visible', timeout: 60000 });
  await form.getByRole('button', { name: 'Save the schedule' }).click();

  const status = page.locator('.ac-adaptiveCard', { hasText: 'Reflection is set up' }).last();
  await status.waitFor({ state: 'visible', timeout: 60000 });
  await status.scrollIntoViewIfNeeded();
  return { card: await status.innerText() };
});
