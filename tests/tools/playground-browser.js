// What the Playground browser scripts share: headless Debian Chromium with the flags this machine needs, a page on
// the Playground, a screenshot at the end (also on failure, to show what went wrong), and one JSON line as the result.
'use strict';
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', '..', 'node_modules', 'playwright-core'));

/**
 * Opens the Playground at `url`, runs `steps(page)` (which returns an object of findings), saves a screenshot and
 * prints {"ok": true, ...findings} or {"ok": false, "error": "..."}.
 */
async function inPlayground(url, screenshot, height, steps) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height } });
  // What went wrong inside the page, shown with a failure: a button whose press throws in the Playground's page sends
  // nothing to the bot, and only the page's own error says why.
  const troubles = [];
  page.on('pageerror', (error) => troubles.push(`page error: ${String(error && error.message || error).slice(0, 300)}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes('/_conversation/')) {
      troubles.push(`the Playground answered ${response.status()} to ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    const findings = await steps(page);
    await page.waitForTimeout(300); // let fonts and layout settle for the screenshot
    await page.screenshot({ path: screenshot, fullPage: false });
    console.log(JSON.stringify({ ok: true, ...findings }));
  } catch (e) {
    try { await page.screenshot({ path: screenshot, fullPage: false }); } catch { /* nothing more to show */ }
    const seen = troubles.length > 0 ? `\n${troubles.slice(-5).join('\n')}` : '';
    console.log(JSON.stringify({ ok: false, error: String(e && e.message || e).slice(0, 2000) + seen }));
  } finally {
    await browser.close();
  }
}

/** Opens a conversation in the tree and sends a message from its compose box. */
async function say(page, conversation, message) {
  await page.getByRole('treeitem', { name: conversation }).first().click({ timeout: 60000 });
  const compose = page.locator('[contenteditable="true"][role="textbox"]').first();
  await compose.click({ timeout: 15000 });
  await compose.type(message);
  await page.getByRole('button', { name: 'Send Message' }).first().click({ timeout: 15000 });
}

/** Starts a new post in the team's General channel that mentions the bot, then the command: "@Test Bot <command>". */
async function postToBot(page, botName, command) {
  // The Playground may switch the view back to its start page while it is still connecting (its page installs the bot
  // in the default chat on load), so a post that finds itself typed somewhere else is cleared and started again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByRole('treeitem', { name: /General/ }).first().click({ timeout: 60000 });
      await page.getByText('Start a new post').first().waitFor({ state: 'visible', timeout: 60000 });
      // Type "@", pick the bot from the suggestions, then the command.
      const post = page.locator('[contenteditable="true"][role="textbox"]:visible').first();
      await post.click({ timeout: 30000 });
      await post.fill('');
      await post.type('@' + botName.slice(0, 4));
      await page.getByText(botName, { exact: true }).last().click({ timeout: 15000 });
      await post.type(' ' + command);
      await page.getByRole('button', { name: 'Post', exact: true }).first().click({ timeout: 15000 });
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
      await page.keyboard.press('Escape').catch(() => {});
      await page.waitForTimeout(1000);
    }
  }
}

/** Waits with `wait()` for something the bot should do; when it does not happen, says what was awaited. */
async function step(what, wait) {
  try {
    return await wait();
  } catch (error) {
    throw new Error(`Waited in vain for ${what}: ${String(error && error.message || error).split('\n')[0]}`);
  }
}

module.exports = { inPlayground, say, postToBot, step };
