// A member answers the weekly reflection prompt in the team channel of the Microsoft 365 Agents Playground, in
// headless Chromium: the "Time to reflect" card the bot posted on its own, an answer typed in, a wellbeing score,
// "Send my reflection", the card updated in place with the count, and the private thank-you.
// Usage: node playground-reflection-answer.js <playground url> <answer> <screenshot.png>
// Prints {"ok": true, "card": "...", "notice": "..."} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground } = require('./playground-browser');

const [url, answer, screenshot] = process.argv.slice(2);

inPlayground(url, screenshot, 1400, async (page) => {
  // The Playground keeps what the bot posted while no browser was connected and delivers it to the next one.
  await page.getByRole('treeitem', { name: /General/ }).first().click({ timeout: 60000 });
  const prompt = page.locator('.ac-adaptiveCard', { hasText: 'Time to reflect' }).last();
  await prompt.waitFor({ state: 'visible', timeout: 60000 });
  await prompt.scrollIntoViewIfNeeded();
  // Clicked, then typed, as a person would. Filled without being focused first, the text shows in the box but the
  // Playground leaves it out of what it submits (the answer arrived empty).
  const box = prompt.locator('textarea').first();
  await box.click();
  await box.pressSequentially(answer);
  // The compact choice set is a combobox here, as in the recognition form: open it, pick the option.
  await prompt.getByRole('combobox').first().click();
  await page.getByRole('option', { name: '4: good' }).first().click({ timeout: 10000 });
  await prompt.getByRole('button', { name: 'Send my reflection' }).click();

  // The bot replaces the card in place (a connector PUT) with the new count, never who answered.
  const counted = page.locator('.ac-adaptiveCard', { hasText: 'Time to reflect' }).filter({ hasText: '1 person has reflected so far.' }).last();
  await counted.waitFor({ state: 'visible', timeout: 60000 });
  const card = await counted.innerText();

  // The thank-you goes to the person's personal chat (the Playground installs the bot there when it connects).
  await page.getByRole('treeitem', { name: /Personal Chat/ }).first().click({ timeout: 30000 });
  const notice = page.locator('.ac-adaptiveCard', { hasText: 'Thank you for reflecting' }).last();
  await notice.waitFor({ state: 'visible', timeout: 30000 });
  const noticeText = await notice.innerText();

  // Back in General for the screenshot: the updated card.
  await page.getByRole('treeitem', { name: /General/ }).first().click({ timeout: 30000 });
  await counted.scrollIntoViewIfNeeded();
  return { card, notice: noticeText };
});
