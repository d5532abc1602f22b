// The officers' portal in a real browser: Debian's chromium driven by playwright-core (never a downloaded
// browser) against `csp serve` on loopback, over a data folder this test writes (see helpers/portal-data.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileId } from '../portal/catalogue.js';
import { projectRoot } from '../core/paths.js';
import { writePortalFixture, type PortalFixture } from './helpers/portal-data.js';
import { tempDir } from './helpers/tmp.js';

const CHROMIUM = process.env.CSP_CHROMIUM ?? '/usr/bin/chromium';
// A developer's machine without chromium skips these, saying so; CI (.ci/run sets CSP_REQUIRE_BROWSER=1) never does.
const REQUIRED = process.env.CSP_REQUIRE_BROWSER === '1' || Boolean(process.env.CI);
const SKIP = !existsSync(CHROMIUM) && !REQUIRED;
const SKIP_NOTICE = `SKIPPED: no chromium at ${CHROMIUM}; install Debian's (apt-get install chromium) or set CSP_CHROMIUM to run the portal's browser tests`;
if (SKIP) console.warn(`test/portal.browser.test.ts: ${SKIP_NOTICE}`);
const CLI = path.join(projectRoot, 'tools', 'bin', 'csp.mjs');
const USERS = {
  officer: { name: 'olive.officer', password: 'olive password 1' },
  performance: { name: 'percy.perf', password: 'percy password 2' },
};

let fx: PortalFixture;
let server: ChildProcess;
let base: string;
let browser: Browser;
let env: Record<string, string>;
const shots = process.env.CSP_PORTAL_SCREENSHOTS; // set to a folder to keep a screenshot of each page

function cli(args: string[], input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, cwd: fx.root });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(input ?? '');
  });
}

function startServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: { ...process.env, ...env },
      cwd: fx.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /portal: listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    server.on('close', (code) => reject(new Error(`csp serve ended (${code}) before listening:\n${out}`)));
  });
}

const audit = () =>
  readFileSync(path.join(fx.root, 'logs', 'portal-audit.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, string>);

async function signIn(page: Page, who: keyof typeof USERS, password = USERS[who].password) {
  await page.goto(base);
  await page.getByLabel('Username').fill(USERS[who].name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const rowsOn = (page: Page) =>
  page
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map(
        (tr) =>
          `${tr.getAttribute('data-report')} ${tr.getAttribute('data-variant')} ${tr.getAttribute('data-period')}`,
      ),
    );
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

beforeAll(async () => {
  if (SKIP) return;
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) or set CSP_CHROMIUM.`,
    );
  fx = writePortalFixture(tempDir('portal-browser'));
  env = { CSP_DATA_DIR: fx.root, CSP_LOG_LEVEL: 'info' };
  for (const [role, u] of Object.entries(USERS)) {
    const added = await cli(['user', 'add', u.name, '--role', role, '--password-stdin'], `${u.password}\n`);
    expect(added.out).toContain(`added ${u.name} (${role})`);
  }
  base = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

describe.skipIf(SKIP)(SKIP ? `officer portal in chromium (${SKIP_NOTICE})` : 'officer portal in chromium', () => {
  it('refuses a wrong password, says so, and audits it', async () => {
    const page = await browser.newPage();
    await signIn(page, 'officer', 'not my password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The username or password is not right');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await shot(page, 'sign-in-failed');
    expect(
      audit()
        .filter((a) => a.event === 'sign-in-failed')
        .map((a) => [a.user, a.ip]),
    ).toEqual([[USERS.officer.name, '127.0.0.1']]);
    await page.close();
  });

  it('signs an officer in, lists the public appendices newest first, filters, and downloads a file whose bytes match the manifest', async () => {
    const page = await browser.newPage();
    await signIn(page, 'officer');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Appendices');
    await shot(page, 'appendices-officer');
    const publicCurrent = fx.files.filter((f) => f.entry.variant === 'public' && f.entry.runId !== fx.earlierRun);
    // Newest first; appendices generated together in appendix-number order.
    const byAge = [...publicCurrent].sort(
      (a, b) =>
        b.entry.generatedAt.localeCompare(a.entry.generatedAt) || Number(a.entry.appendix) - Number(b.entry.appendix),
    );
    const expected = [...new Set(byAge.map((f) => `${f.entry.report} public ${f.entry.periodEnd}`))];
    expect(await rowsOn(page)).toEqual(expected);
    expect(await page.locator('.tag.restricted').count()).toBe(0);

    await page.getByLabel('Period').selectOption('2020-06-14');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rowsOn(page)).toEqual(expected.filter((r) => r.endsWith('2020-06-14')));
    await page.getByLabel('Report').selectOption('scorecard');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rowsOn(page)).toEqual(['scorecard public 2020-06-14']);
    await shot(page, 'appendices-filtered');

    const want = fx.files.find(
      (f) =>
        f.entry.runId === fx.currentRun &&
        f.entry.report === 'scorecard' &&
        f.entry.variant === 'public' &&
        f.entry.format === 'xlsx',
    )!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('tbody tr')
        .first()
        .getByRole('link', { name: /^Excel/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(want.entry.file);
    const bytes = readFileSync(await download.path());
    expect(bytes.length).toBe(want.entry.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(want.entry.sha256);
    expect(audit().at(-1)).toMatchObject({
      event: 'download',
      user: USERS.officer.name,
      file: want.entry.file,
      variant: 'public',
      ip: '127.0.0.1',
    });

    // The earlier run is there for the record, public variants only.
    await page.getByRole('link', { name: 'Earlier runs' }).click();
    await expect
      .poll(async () => (await page.getByRole('heading', { level: 2 }).allTextContents()).map((s) => s.trim()))
      .toEqual([`Run ${fx.currentRun} Current`, `Run ${fx.earlierRun}`]);
    await shot(page, 'history-officer');
    expect(await page.locator('.tag.restricted').count()).toBe(0);
    await page.close();
  });

  it('denies an officer a restricted file and the run status page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'officer');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Appendices');
    const restricted = fx.files.find(
      (f) => f.entry.runId === fx.currentRun && f.entry.variant === 'restricted' && f.entry.format === 'pdf',
    )!;
    const res = await page.goto(`${base}files/${fileId('published', fx.currentRun, restricted.entry.file)}`);
    expect(res!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');
    await shot(page, 'restricted-denied');
    expect(audit().at(-1)).toMatchObject({
      event: 'denied',
      user: USERS.officer.name,
      file: restricted.entry.file,
      variant: 'restricted',
    });
    expect((await page.goto(`${base}status`))!.status()).toBe(403);
    expect(await page.getByRole('link', { name: 'Run status' }).count()).toBe(0);
    await page.close();
  });

  it('shows the performance team restricted variants, views a PDF inline, and shows run status', async () => {
    const page = await browser.newPage();
    await signIn(page, 'performance');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Appendices');
    const current = fx.files.filter((f) => f.entry.runId !== fx.earlierRun);
    expect((await rowsOn(page)).length).toBe(current.length / 2);
    expect(await page.locator('.tag.restricted').count()).toBe(
      current.filter((f) => f.entry.variant === 'restricted').length / 2,
    );
    await shot(page, 'appendices-performance');

    const pdf = current.find(
      (f) => f.entry.variant === 'restricted' && f.entry.format === 'pdf' && f.entry.report === 'contact-activity',
    )!;
    const view = await page.request.get(`${base}files/${fileId('published', fx.currentRun, pdf.entry.file)}/view`);
    expect(view.status()).toBe(200);
    expect(view.headers()['content-disposition']).toBe(`inline; filename="${pdf.entry.file}"`);
    expect(
      createHash('sha256')
        .update(await view.body())
        .digest('hex'),
    ).toBe(pdf.entry.sha256);

    await page.getByRole('link', { name: 'Run status' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Run status');
    expect(await page.getByRole('status').textContent()).toContain('NO RUNS YET');
    await shot(page, 'run-status');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect((await page.goto(base))!.url()).toBe(`${base}login`);
    await page.close();
  });
});
