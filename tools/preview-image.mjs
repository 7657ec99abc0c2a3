// Rewrites assets/preview.png, the 1200×630 link-preview image (Open Graph
// and Twitter cards; see tools/link-preview.mjs): a screenshot of the
// calculator with the reference example, from the release build in dist/,
// in headless Chromium. Run after `trunk build --release`, then rebuild:
//
//   node tools/preview-image.mjs [dist]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { IMAGE } from './link-preview.mjs';

const root = join(import.meta.dirname, '..');
const dist = process.argv[2] ?? process.env.FT_ROI_DIST ?? join(root, 'dist');
const out = join(root, 'assets', IMAGE.file);
const { chromium } = createRequire(join(root, 'tools', 'package.json'))('playwright-core');

const { server, url } = await serve(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // The page at 1280 px wide, drawn at the card's scale: the title, the
  // inputs and the results with their headline figures.
  const scale = IMAGE.width / 1280;
  const page = await browser.newPage({
    viewport: { width: 1280, height: Math.round(IMAGE.height / scale) },
    deviceScaleFactor: scale,
    colorScheme: 'light',
    // Only to hide the buttons below (an injected style the page's policy would refuse).
    bypassCSP: true,
  });
  await page.goto(url);
  // The app's own view with every card on screen (the charts, further down, are held: issue 32).
  await page.waitForSelector('html[data-ready]:not([data-loading])', { state: 'attached' });
  // The hero's lede and buttons give way to the calculator itself.
  await page.addStyleTag({ content: '.hero-actions { display: none; } .hero { padding-bottom: .5rem; }' });
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: IMAGE.height / scale } });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
