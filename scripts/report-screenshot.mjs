#!/usr/bin/env node
// Regenerate docs/report-dashboard.png: the HTML report of samples/catalog in headless
// chromium (MCAUDIT_CHROMIUM or /usr/bin/chromium). Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'mcaudit-shot-'));
const html = path.join(tmp, 'report.html');
try {
  execFileSync(process.execPath, [path.join(root, 'bin/mcaudit.js'), 'audit', 'samples/catalog', '--format', `html:${html}`], {
    cwd: root,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    stdio: 'inherit',
  });
} catch (e) {
  if (e.status !== 1) throw e; // 1 = some offering is below the gate; the report is written
}
const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
  executablePath: process.env.MCAUDIT_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 900 },
  deviceScaleFactor: 1,
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(html).href);
  await page.screenshot({ path: path.join(root, 'docs/report-dashboard.png'), clip: { x: 0, y: 0, width: 1200, height: 900 } });
  console.log('wrote docs/report-dashboard.png');
} finally {
  await context.close();
  rmSync(tmp, { recursive: true, force: true });
}
