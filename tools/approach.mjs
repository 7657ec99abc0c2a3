// Issue 32: the cards below the answer are held in placeholders (`[data-approach]`) until they
// near the viewport. Scripts that read them (the end-to-end tests, the benchmark, the audit, the
// link preview) bring them as a reader would, by scrolling to each.

/**
 * Scrolls through `page` (a Playwright page or frame) as a reader would, until every card held
 * below the answer has come or failed, then back to the top. Waits for `html[data-ready]` first.
 */
export async function reachAll(page) {
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  for (;;) {
    const held = await page.$('#calculator [data-approach]');
    if (!held) break;
    await held.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Polled by a timer, not by animation frames: a page whose requestAnimationFrame is replaced is read too.
    await page.waitForFunction((el) => !el.isConnected, held, { polling: 50 });
  }
  await page.waitForSelector('html:not([data-loading])', { state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
}
