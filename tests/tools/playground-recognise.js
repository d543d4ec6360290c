// The recognition happy path in the Microsoft 365 Agents Playground, in headless Chromium, as a person would do it:
// in personal chat, type "recognise", choose a colleague, say what they did, tick a commitment, send, and see the
// thank-you. Usage: node playground-recognise.js <playground url> <colleague name> <screenshot.png>
// Prints {"ok": true, "reply": "..."} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground, say } = require('./playground-browser');

const [url, colleague, screenshot] = process.argv.slice(2);

inPlayground(url, screenshot, 1100, async (page) => {
  await say(page, 'Personal Chat', 'recognise');
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
  return { reply: await reply.innerText() };
});
