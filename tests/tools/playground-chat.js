// Drives the Microsoft 365 Agents Playground (a Teams-like client) in headless Chromium, as a person would:
// opens a conversation, types a message, waits for the bot's Adaptive Card with the expected text, and saves a
// screenshot. Usage: node playground-chat.js <playground url> <conversation> <message> <expected card text> <screenshot.png>
// Prints {"ok": true, "cardText": "..."} or {"ok": false, "error": "..."}; exits 0 either way so the caller reports.
'use strict';
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', '..', 'node_modules', 'playwright-core'));

const [url, conversation, message, expected, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

(async () => {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.getByRole('treeitem', { name: conversation }).first().click({ timeout: 60000 });
    const compose = page.locator('[contenteditable="true"][role="textbox"]').first();
    await compose.click({ timeout: 15000 });
    await compose.type(message);
    await page.getByRole('button', { name: 'Send Message' }).first().click({ timeout: 15000 });
    const card = page.locator('.ac-adaptiveCard', { hasText: expected }).last();
    await card.waitFor({ state: 'visible', timeout: 60000 });
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // let fonts and layout settle for the screenshot
    await page.screenshot({ path: screenshot, fullPage: false });
    const cardText = await card.innerText();
    console.log(JSON.stringify({ ok: true, cardText }));
  } catch (e) {
    try { await page.screenshot({ path: screenshot, fullPage: false }); } catch { /* nothing more to show */ }
    console.log(JSON.stringify({ ok: false, error: String(e && e.message || e).slice(0, 2000) }));
  } finally {
    await browser.close();
  }
})();
