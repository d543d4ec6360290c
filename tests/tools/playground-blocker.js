// A person reports a blocker anonymously in the Microsoft 365 Agents Playground, in headless Chromium, and hears what
// became of it: "@Test Bot blocker" in General, the invitation's "Report a blocker" (the Playground opens no Teams
// dialogs, so the bot sends the form to the person's own chat), the form filled in as it comes (anonymous), "Send to
// the leaders"; then, as the team's leader (the Playground's one user is an admin, so leads), "blockers" in their own
// chat, "Respond" on the blocker in the team's list (its form, too, comes to that chat), "changed" with what was done,
// "Save"; and the reporter's news in their own chat.
// Usage: node playground-blocker.js <playground url> <bot name> <what> <we did> <screenshot.png>
// Prints {"ok": true, "thanks": "...", "list": "...", "respond": "...", "news": "..."} or {"ok": false, "error": "..."}.
'use strict';
const { inPlayground, postToBot, say, step } = require('./playground-browser');

const [url, botName, what, weDid, screenshot] = process.argv.slice(2);

async function personalChat(page) {
  await page.getByRole('treeitem', { name: /Personal Chat/ }).first().click({ timeout: 30000 });
}

inPlayground(url, screenshot, 1400, async (page) => {
  await postToBot(page, botName, 'blocker');
  const invite = page.locator('.ac-adaptiveCard', { hasText: 'the form opens just for you' }).last();
  await step('the invitation to report a blocker in General', () => invite.waitFor({ state: 'visible', timeout: 60000 }));
  await invite.getByRole('button', { name: 'Report a blocker' }).click();

  await personalChat(page);
  const form = page.locator('.ac-adaptiveCard', { hasText: 'Send to the leaders' }).last();
  await step('the report form in the personal chat', () => form.waitFor({ state: 'visible', timeout: 30000 }));
  await form.scrollIntoViewIfNeeded();
  // Clicked, then typed, as a person would (filled without focus, the Playground leaves the text out of the submit).
  const box = form.locator('textarea').first();
  await box.click();
  await box.pressSequentially(what);
  await form.getByRole('combobox').first().click();
  await page.getByRole('option', { name: 'A tool or system' }).first().click({ timeout: 10000 });
  await form.getByText('Colleagues', { exact: true }).first().click();
  const anonymous = !(await form.getByRole('checkbox').first().isChecked());
  await form.getByRole('button', { name: 'Send to the leaders' }).click();
  const thanks = page.locator('.ac-adaptiveCard', { hasText: 'without your name' }).last();
  await step('the thanks in the personal chat', () => thanks.waitFor({ state: 'visible', timeout: 30000 }));
  const thanksText = await thanks.innerText();

  // The leader, in their own chat: their reports, then their team's list, and Respond on the new blocker.
  await say(page, /Personal Chat/, 'blockers');
  const list = page.locator('.ac-adaptiveCard', { hasText: 'What gets in our way' }).filter({ hasText: what }).last();
  await step('the team\'s list in the personal chat', () => list.waitFor({ state: 'visible', timeout: 60000 }));
  const listText = await list.innerText();
  await list.scrollIntoViewIfNeeded();
  await list.getByRole('button', { name: 'Respond' }).first().click();

  await personalChat(page);
  const respond = page.locator('.ac-adaptiveCard', { hasText: 'Respond to a blocker' }).last();
  await step('the Respond form in the personal chat', () => respond.waitFor({ state: 'visible', timeout: 30000 }));
  await respond.scrollIntoViewIfNeeded();
  const respondText = await respond.innerText();
  await respond.getByRole('combobox').first().click();
  await page.getByRole('option', { name: 'changed', exact: true }).first().click({ timeout: 10000 });
  const note = respond.locator('textarea').first();
  await note.click();
  await note.pressSequentially(weDid);
  await respond.getByRole('button', { name: 'Save', exact: true }).click();

  // The reporter's news comes to their own chat through the delivery path, without anyone learning who they are.
  const news = page.locator('.ac-adaptiveCard', { hasText: 'News about what you raised' }).filter({ hasText: weDid }).last();
  await step('the reporter\'s news in the personal chat', () => news.waitFor({ state: 'visible', timeout: 60000 }));
  await news.scrollIntoViewIfNeeded();
  return { anonymous, thanks: thanksText, list: listText, respond: respondText, news: await news.innerText() };
});
