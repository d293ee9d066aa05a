/**
 * Renders the app icon (resources/build/icon.svg) to the PNG electron-builder
 * turns into every platform's icon (.ico, .icns, Linux sizes): 1024 × 1024,
 * transparent outside the rounded square. Uses the Chromium the tests use.
 *
 *   npx tsx tools/build/render-icons.ts   (FOREWARN_CHROMIUM overrides /usr/bin/chromium)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SIZE = 1024;
const svg = await readFile('resources/build/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.FOREWARN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await writeFile('resources/build/icon.png', await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }));
  console.log(`resources/build/icon.png (${SIZE}×${SIZE})`);
} finally {
  await browser.close();
}
