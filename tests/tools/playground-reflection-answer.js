// A member answers the weekly reflection prompt in the team channel of the Microsoft 365 Agents Playground, in
// headless Chromium: the "Time to reflect" card the bot posted on its own, its Answer button (the Playground opens no
// Teams dialogs, so the bot sends the form to the person's own chat as a card of its own), half an answer typed in;
// then, while someone else answers and the prompt card is updated in place, the rest of the answer, a wellbeing score,
// "Send my reflection", the private thank-you, and the prompt card's new count.
// Usage: node playground-reflection-answer.js <playground url> <answer> <screenshot.png> <marker file>
// Writes <marker file> once half the answer is typed, and waits for <marker file>.done (someone else has answered)
// before going on. Prints {"ok": true, "card": "...", "notice": "...", "typed": "..."} or {"ok": false, "error": "..."}.
'use strict';
const fs = require('fs');
const { inPlayground } = require('./playground-browser');

const [url, answer, screenshot, marker] = process.argv.slice(2);

inPlayground(url, screenshot, 1400, async (page) => {
  // The Playground keeps what the bot posted while no browser was connected and delivers it to the next one.
  await page.getByRole('treeitem', { name: /General/ }).first().click({ timeout: 60000 });
  const prompt = page.locator('.ac-adaptiveCard', { hasText: 'Time to reflect' }).last();
  await prompt.waitFor({ state: 'visible', timeout: 60000 });
  await prompt.scrollIntoViewIfNeeded();
  await prompt.getByRole('button', { name: 'Answer' }).click();

  // The form, a card of its own in the person's own chat: nothing updates it in place, so what is typed in it stays.
  await page.getByRole('treeitem', { name: /Personal Chat/ }).first().click({ timeout: 30000 });
  const form = page.locator('.ac-adaptiveCard', { hasText: 'Send my reflection' }).last();
  await form.waitFor({ state: 'visible', timeout: 30000 });
  await form.scrollIntoViewIfNeeded();
  // Clicked, then typed, as a person would. Filled without being focused first, the text shows in the box but the
  // Playground leaves it out of what it submits (the answer arrived empty).
  const box = form.locator('textarea').first();
  await box.click();
  const half = Math.floor(answer.length / 2);
  await box.pressSequentially(answer.slice(0, half));

  // Someone else answers meanwhile (the test does, when the marker appears, and says so in <marker>.done): the
  // prompt card in General is updated in place.
  fs.writeFileSync(marker, 'half typed');
  const deadline = Date.now() + 60000;
  while (!fs.existsSync(marker + '.done')) {
    if (Date.now() > deadline) throw new Error('Nobody else answered within a minute of the marker.');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1500); // time for the Playground to show the update

  await box.click();
  await box.press('End');
  await box.pressSequentially(answer.slice(half));
  const typed = await box.inputValue();
  // The compact choice set is a combobox here, as in the recognition form: open it, pick the option.
  await form.getByRole('combobox').first().click();
  await page.getByRole('option', { name: '4: good' }).first().click({ timeout: 10000 });
  await form.getByRole('button', { name: 'Send my reflection' }).click();

  // The thank-you comes to the same chat.
  const notice = page.locator('.ac-adaptiveCard', { hasText: 'Thank you for reflecting' }).last();
  await notice.waitFor({ state: 'visible', timeout: 30000 });
  const noticeText = await notice.innerText();

  // Back in General: the bot replaced the prompt card in place (a connector PUT) with the new count, never who answered.
  await page.getByRole('treeitem', { name: /General/ }).first().click({ timeout: 30000 });
  const counted = page.locator('.ac-adaptiveCard', { hasText: 'Time to reflect' }).filter({ hasText: '2 people have reflected so far.' }).last();
  await counted.waitFor({ state: 'visible', timeout: 60000 });
  const card = await counted.innerText();
  await counted.scrollIntoViewIfNeeded();
  return { card, notice: noticeText, typed };
});
