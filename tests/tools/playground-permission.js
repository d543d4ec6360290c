// A leader gives permission to flex in the team channel of the Microsoft 365 Agents Playground, in headless Chromium,
// and uses it: a new post mentioning the bot, the form it sends, Preview, "Post it", the statement card the bot posts
// on its own, then "I've read this" (the bot thanks them and the card's count goes up in place) and "I used this"
// (the decision form, filled in and recorded, shared as a story: the bot thanks them, the card counts the use, and
// the story appears in the channel).
// Usage: node playground-permission.js <playground url> <bot name> <screenshot.png>
// Prints {"ok": true, "posted": "...", "read": "...", "readThanks": "...", "used": "...", "recorded": "...",
// "story": "..."} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground, postToBot, step } = require('./playground-browser');

const [url, botName, screenshot] = process.argv.slice(2);
const what = 'You can offer a customer a goodwill gesture of up to £50 without asking';
const decided = 'I refunded the delivery charge for a customer whose parcel came late';
const forWhom = 'A customer on the phone';
const outcome = 'They were relieved and thanked the team';

inPlayground(url, screenshot, 1400, async (page) => {
  await postToBot(page, botName, 'give permission');

  const form = page.locator('.ac-adaptiveCard', { hasText: 'Give permission to flex' }).filter({ has: page.locator('textarea') }).last();
  await step('the bot sending the "give permission" form', () => form.waitFor({ state: 'visible', timeout: 60000 }));
  const boxes = form.locator('textarea');
  await boxes.nth(0).fill(what);
  await boxes.nth(1).fill('Once per customer; tell your lead afterwards.');
  await form.getByRole('button', { name: 'Preview' }).click();

  const preview = page.locator('.ac-adaptiveCard', { hasText: "Here's how it will look" }).last();
  await step('the bot sending the preview', () => preview.waitFor({ state: 'visible', timeout: 60000 }));
  await preview.getByRole('button', { name: 'Post it' }).click();

  // The statement is a new post of the bot's own (a proactive message), not a reply in the leader's thread.
  const statement = (counts) => page.locator('.ac-adaptiveCard', { hasText: "I've read this" }).filter({ hasText: what }).filter({ hasText: counts }).last();
  const posted = statement('Read by 0 · used 0 times');
  await step('the statement card being posted in the channel', () => posted.waitFor({ state: 'visible', timeout: 60000 }));
  const postedText = await posted.innerText();

  // "I've read this": the bot thanks the reader in the statement's thread and updates the card in place.
  await posted.scrollIntoViewIfNeeded();
  await posted.getByRole('button', { name: "I've read this" }).click();
  const read = statement('Read by 1 · used 0 times');
  await step('the statement card updated to "Read by 1" after pressing "I\'ve read this"', () => read.waitFor({ state: 'visible', timeout: 30000 }));
  const thanks = page.locator('.ac-adaptiveCard', { hasText: 'Thank you for reading it.' }).last();
  await step('the bot\'s thanks for reading', () => thanks.waitFor({ state: 'visible', timeout: 30000 }));
  const readText = await read.innerText();
  const readThanks = await thanks.innerText();

  // "I used this": the decision form, with this statement chosen as what the decision relied on.
  await read.scrollIntoViewIfNeeded();
  await read.getByRole('button', { name: 'I used this' }).click();
  const decision = page.locator('.ac-adaptiveCard', { hasText: 'Record a flexible decision' }).filter({ has: page.getByRole('button', { name: 'Record it' }) }).last();
  await step('the decision form after pressing "I used this"', () => decision.waitFor({ state: 'visible', timeout: 30000 }));
  await decision.scrollIntoViewIfNeeded();
  // Clicked, then typed, as a person would: filled without focus, the Playground leaves a box out of what it submits.
  for (const [label, text] of [['What did you decide?', decided], ['For whom?', forWhom], ['What happened?', outcome]]) {
    const box = decision.getByLabel(label, { exact: false }).first();
    await box.click({ timeout: 10000 });
    await box.pressSequentially(text);
  }
  await decision.getByText("I'm happy for this to be shared with my team as a story").first().click({ timeout: 10000 });
  await decision.getByRole('button', { name: 'Record it' }).click();

  const recorded = page.locator('.ac-adaptiveCard', { hasText: 'Recorded, and shared with your team as a story' }).last();
  await step('the bot confirming the decision was recorded (after "Record it")', () => recorded.waitFor({ state: 'visible', timeout: 30000 }));
  const used = statement('Read by 1 · used 1 times');
  await step('the statement card updated to "used 1 times" after the decision', () => used.waitFor({ state: 'visible', timeout: 30000 }));
  const story = page.locator('.ac-adaptiveCard', { hasText: 'A kindness story' }).filter({ hasText: decided }).last();
  await step('the shared story being posted in the channel', () => story.waitFor({ state: 'visible', timeout: 30000 }));

  const result = {
    posted: postedText, read: readText, readThanks, used: await used.innerText(), recorded: await recorded.innerText(), story: await story.innerText(),
  };
  await used.scrollIntoViewIfNeeded();
  return result;
});
