/// <reference lib="dom" />
/**
 * The HTML report in a real browser: headless Debian chromium driven by playwright-core
 * (`.ci/run` installs it when /usr/bin/chromium is missing; MCAUDIT_CHROMIUM names another
 * binary). The page must load with no console error and no request beyond itself, sort
 * and filter by clicks, never run an injected payload, read without JavaScript, draw a
 * non-blank dashboard and print one offering per page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const CHROMIUM = process.env.MCAUDIT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dirs: string[] = [];
function freshDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install the chromium package (.ci/run does) or set MCAUDIT_CHROMIUM`);
  return chromium.launchPersistentContext(freshDir('mcaudit-chromium-'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, ...options });
}

let reportFile = '';
let reportUrl = '';
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  const out = freshDir('mcaudit-html-');
  reportFile = path.join(out, 'report.html');
  const code = await main(['audit', 'test/fixtures/report', '--waivers', 'test/fixtures/report/waivers.yaml', '--format', `html:${reportFile}`], {
    stdout: () => {},
    // The gate's own verdict on stderr is expected; anything else is an error.
    stderr: (s) => {
      if (!/^mcaudit: gate failed: /.test(s)) consoleErrors.push(`mcaudit: ${s}`);
    },
    cwd: ROOT,
    env: { SOURCE_DATE_EPOCH: '1767225600' },
    stdoutIsTTY: false,
  });
  expect(code).toBe(1); // one offering is rejected
  reportUrl = pathToFileURL(reportFile).href;
  context = await launch();
  // Any request other than the report itself is aborted (and recorded below).
  await context.route('**/*', (route) => (route.request().url() === reportUrl ? route.continue() : route.abort()));
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(reportUrl, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await context?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const rowIds = (p: Page) => p.$$eval('#offerings tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-n')));

describe('HTML report in chromium', () => {
  it('loads with no console error and makes no request but the page itself', async () => {
    await page.waitForTimeout(300); // let any late request or error surface
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it('sorts the offerings table by clicking a column header, both ways', async () => {
    expect(await rowIds(page)).toEqual(['1', '2', '3']);
    const score = page.locator('#offerings thead th', { hasText: 'Score' }).locator('button');
    await score.click();
    expect(await rowIds(page)).toEqual(['3', '1', '2']); // 38, 97, 100
    await expect.poll(() => page.locator('#offerings thead th', { hasText: 'Score' }).getAttribute('aria-sort')).toBe('ascending');
    await score.click();
    expect(await rowIds(page)).toEqual(['2', '1', '3']);
    await page.locator('#offerings thead th', { hasText: '#' }).locator('button').click();
    expect(await rowIds(page)).toEqual(['1', '2', '3']);
  });

  it('filters by text and by decision', async () => {
    await page.fill('#filter-text', 'pipe | co');
    expect(await rowIds(page)).toEqual(['2']);
    await expect.poll(() => page.textContent('#filter-count')).toBe('1 of 3 shown');
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-decision', 'reject');
    expect(await rowIds(page)).toEqual(['3']);
    await page.selectOption('#filter-decision', 'approve');
    expect(await rowIds(page)).toEqual(['1', '2']);
    await page.selectOption('#filter-decision', '');
    expect(await rowIds(page)).toEqual(['1', '2', '3']);
  });

  it('shows an injected title as text and never runs it', async () => {
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'tag' }).count()).toBe(0);
    expect(await page.textContent('#o-1-h')).toBe('<img src=x onerror=alert(1)> Single-Point Rubrics');
    expect(await page.textContent('#o-3-h')).toContain('<b>tag</b>');
    expect(requests.some((u) => /\/x$/.test(u))).toBe(false);
  });

  it('shows waived findings with their reason, duplicates on both sides, stale waivers and the audit trail', async () => {
    const waived = page.locator('#o-2 .finding.waived');
    expect(await waived.count()).toBe(1);
    expect(await waived.textContent()).toContain("The provider's links are on an internal LMS | checked by phone");
    expect(await page.textContent('#o-1 .callout')).toContain('test/fixtures/report/b.md');
    expect(await page.textContent('#o-2 .callout')).toContain('test/fixtures/report/a.md');
    expect(await page.textContent('#waivers')).toContain('no-such-finding-here');
    const audit = (await page.textContent('#audit'))!;
    expect(audit).toContain('2026-01-01T00:00:00.000Z');
    const { createHash } = await import('node:crypto');
    expect(audit).toContain(createHash('sha256').update(readFileSync(path.join(ROOT, 'test/fixtures/report/c.md'))).digest('hex'));
    expect(audit).toMatch(/Rubric sha256[0-9a-f]{64}/);
  });

  it('draws a dashboard screenshot that is not blank', async () => {
    const png = await page.locator('#dashboard').screenshot();
    // Decode the PNG in a blank page (no CSP) and count colours.
    const blank = await context.newPage();
    const stats = await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const colours = new Set<number>();
      let nonWhite = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        if (data[i]! < 230 || data[i + 1]! < 230 || data[i + 2]! < 230) nonWhite++;
      }
      return { width: img.width, height: img.height, colours: colours.size, nonWhite: nonWhite / (data.length / 4) };
    }, png.toString('base64'));
    await blank.close();
    expect(stats.width).toBeGreaterThan(600);
    expect(stats.height).toBeGreaterThan(200);
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.nonWhite).toBeGreaterThan(0.05);
  });

  it('prints one offering per page with a sign-off block, without the screen controls', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const styles = await page.evaluate(() => ({
        breaks: [...document.querySelectorAll('.offering')].map((e) => getComputedStyle(e).breakBefore),
        nav: getComputedStyle(document.querySelector('nav.toc')!).display,
        controls: getComputedStyle(document.querySelector('#table-controls')!).display,
        signoffs: [...document.querySelectorAll('.offering .signoff')].filter((e) => getComputedStyle(e).display !== 'none').length,
      }));
      expect(styles.breaks).toEqual(['page', 'page', 'page']);
      expect(styles.nav).toBe('none');
      expect(styles.controls).toBe('none');
      expect(styles.signoffs).toBe(3);
      const pdf = (await page.pdf({ format: 'Letter' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      // Dashboard and tables, then at least one page per offering, then the audit trail.
      expect(pages).toBeGreaterThanOrEqual(5);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, 30_000);
});

describe('HTML report without JavaScript', () => {
  it('still shows every offering in the table, and no inert controls', async () => {
    const ctx = await launch({ javaScriptEnabled: false });
    try {
      const p = await ctx.newPage();
      await p.goto(reportUrl);
      expect(await rowIds(p)).toEqual(['1', '2', '3']);
      expect(await p.isVisible('#table-controls')).toBe(false);
      expect(await p.textContent('#offerings')).toContain('Pipe | Co, Ltd.');
      expect(await p.locator('#offerings thead button').count()).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
