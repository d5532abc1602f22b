// The portal's rules over HTTP (fastify.inject, no browser): CSRF, rate limiting, cookies and headers, who may
// fetch which file, the trusted proxy header, and what the audit log records. The browser tests are in test/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writePortalFixture, type PortalFixture } from '../../test/helpers/portal-data.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { parseConfig, type ConfigInput } from '../config.js';
import { silentLogger } from '../logger.js';
import { dataPaths } from '../paths.js';
import type { AuditRecord } from './audit.js';
import { fileId } from './catalogue.js';
import { createPortal, DOCS_CSP, SESSION_COOKIE } from './server.js';
import { addUser } from './users.js';

let fx: PortalFixture;
let usersFile: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  fx = writePortalFixture(tempDir('portal-server'));
  usersFile = path.join(fx.root, 'users.json');
  await addUser(usersFile, { username: 'olive', role: 'officer', password: 'olive password 1' });
  await addUser(usersFile, { username: 'percy', role: 'performance', password: 'percy password 2' });
  await addUser(usersFile, { username: 'proxied', role: 'officer', password: null });
});

afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function portal(portalConfig: ConfigInput['portal'] = {}) {
  const auditFile = path.join(tempDir('portal-audit'), 'audit.log');
  const app = await createPortal({ config: parseConfig({ portal: portalConfig }), paths: dataPaths(fx.root), log: silentLogger(), usersFile, auditFile });
  apps.push(app);
  const audit = (): AuditRecord[] => {
    try {
      return readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
    } catch {
      return [];
    }
  };
  return { app, audit };
}

const cookiesOf = (res: { cookies: { name: string; value: string }[] }) => Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
const cookieHeader = (jar: Record<string, string>) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');

/** Fetch the sign-in form (its CSRF cookie and token) and post it. */
async function signIn(app: FastifyInstance, username: string, password: string) {
  const form = await app.inject({ method: 'GET', url: '/login' });
  const jar = cookiesOf(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const res = await app.inject({ method: 'POST', url: '/login', headers: { cookie: cookieHeader(jar) }, payload: { _csrf: token, username, password } });
  return { res, jar: { ...jar, ...cookiesOf(res) } };
}

const fixtureFile = (pred: (e: PortalFixture['files'][number]['entry']) => boolean) => fx.files.find((f) => f.entry.runId === fx.currentRun && pred(f.entry))!;
const idOf = (f: PortalFixture['files'][number]) => fileId('published', fx.currentRun, f.entry.file);

describe('portal over HTTP', () => {
  it('signs in with a session cookie that is HTTP-only, and sets the security headers', async () => {
    const { app, audit } = await portal();
    const { res, jar } = await signIn(app, 'Olive', 'olive password 1');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy(); // plain http on loopback with secureCookies "auto"
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie: cookieHeader(jar) } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Signed in as <strong>olive</strong>');
    expect(home.headers['content-security-policy']).toContain("default-src 'none'");
    expect(home.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['cache-control']).toBe('no-store');
    expect(audit().map((a) => [a.event, a.user, a.ip])).toEqual([['sign-in', 'olive', '127.0.0.1']]);
  });

  it('marks cookies Secure when configured to', async () => {
    const { app } = await portal({ secureCookies: 'always' });
    const { res } = await signIn(app, 'olive', 'olive password 1');
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBe(true);
  });

  it('refuses a sign-in form without its CSRF token, and a wrong password, and audits the failure', async () => {
    const { app, audit } = await portal();
    const noToken = await app.inject({ method: 'POST', url: '/login', payload: { username: 'olive', password: 'olive password 1' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(false);
    const wrong = await signIn(app, 'olive', 'not the password');
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.body).toContain('The username or password is not right');
    const unknown = await signIn(app, 'nobody', 'whatever password');
    expect(unknown.res.statusCode).toBe(401);
    expect(audit().map((a) => [a.event, a.user, a.reason])).toEqual([
      ['sign-in-failed', 'olive', 'wrong password'],
      ['sign-in-failed', 'nobody', 'unknown username'],
    ]);
  });

  it('limits sign-in attempts per address', async () => {
    const { app, audit } = await portal({ loginAttempts: { max: 3, windowMinutes: 15 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await signIn(app, 'olive', `guess number ${i}`)).res.statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    // Even the right password waits for the window now.
    const right = await signIn(app, 'olive', 'olive password 1');
    expect(right.res.statusCode).toBe(429);
    expect(right.res.body).toContain('Too many sign-in attempts');
    const events = audit().map((a) => a.event);
    expect(events.filter((e) => e === 'sign-in-failed').length).toBe(3);
    expect(events.filter((e) => e === 'sign-in-rate-limited').length).toBe(2);
  });

  it('serves files only by manifest id: bytes match the manifest, restricted ones are refused to officers', async () => {
    const { app, audit } = await portal();
    const officer = cookieHeader((await signIn(app, 'olive', 'olive password 1')).jar);
    const publicPdf = fixtureFile((e) => e.variant === 'public' && e.format === 'pdf');
    const restricted = fixtureFile((e) => e.variant === 'restricted' && e.format === 'xlsx');

    const got = await app.inject({ method: 'GET', url: `/files/${idOf(publicPdf)}`, headers: { cookie: officer } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="${publicPdf.entry.file}"`);
    expect(createHash('sha256').update(got.rawPayload).digest('hex')).toBe(publicPdf.entry.sha256);
    const view = await app.inject({ method: 'GET', url: `/files/${idOf(publicPdf)}/view`, headers: { cookie: officer } });
    expect(view.headers['content-disposition']).toMatch(/^inline;/);

    const denied = await app.inject({ method: 'GET', url: `/files/${idOf(restricted)}`, headers: { cookie: officer } });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain(restricted.entry.sha256);

    for (const url of ['/files/..%2F..%2Fusers.json', '/files/../users.json', `/files/${'0'.repeat(24)}`, '/files/users.json', `/files/${idOf(restricted).toUpperCase()}`]) {
      expect((await app.inject({ method: 'GET', url, headers: { cookie: officer } })).statusCode, url).toBe(404);
    }
    // Signed out: no file at all.
    expect((await app.inject({ method: 'GET', url: `/files/${idOf(publicPdf)}` })).statusCode).toBe(303);

    const performance = cookieHeader((await signIn(app, 'percy', 'percy password 2')).jar);
    const ok = await app.inject({ method: 'GET', url: `/files/${idOf(restricted)}`, headers: { cookie: performance } });
    expect(createHash('sha256').update(ok.rawPayload).digest('hex')).toBe(restricted.entry.sha256);

    const files = audit().filter((a) => a.file).map((a) => [a.event, a.user, a.file, a.variant]);
    expect(files).toEqual([
      ['download', 'olive', publicPdf.entry.file, 'public'],
      ['view', 'olive', publicPdf.entry.file, 'public'],
      ['denied', 'olive', restricted.entry.file, 'restricted'],
      ['download', 'percy', restricted.entry.file, 'restricted'],
    ]);
    expect(audit().every((a) => a.ip === '127.0.0.1' && !Number.isNaN(Date.parse(a.at)))).toBe(true);
  });

  it('does not serve a file that no longer matches its manifest checksum', async () => {
    const { app, audit } = await portal();
    const officer = cookieHeader((await signIn(app, 'olive', 'olive password 1')).jar);
    const target = fixtureFile((e) => e.variant === 'public' && e.format === 'xlsx' && e.report === 'scorecard');
    const file = path.join(target.folder, target.entry.file);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('tampered')]));
    try {
      const res = await app.inject({ method: 'GET', url: `/files/${idOf(target)}`, headers: { cookie: officer } });
      expect(res.statusCode).toBe(500);
      expect(res.body).toContain('does not match the checksum');
      expect(audit().at(-1)).toMatchObject({ event: 'denied', file: target.entry.file, reason: 'file does not match its manifest checksum' });
    } finally {
      writeFileSync(file, original);
    }
  });

  it('believes the proxy header only when configured and only from the listed addresses; the role comes from the users file', async () => {
    const headers = { 'x-remote-user': 'Proxied' };
    const off = await portal();
    expect((await off.app.inject({ method: 'GET', url: '/', headers })).statusCode).toBe(303);

    const on = await portal({ trustedProxy: { header: 'X-Remote-User' } });
    const res = await on.app.inject({ method: 'GET', url: '/', headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Signed in as <strong>proxied</strong> (officer)');
    expect(res.body).not.toContain('Sign out');
    expect((await on.app.inject({ method: 'GET', url: '/status', headers })).statusCode).toBe(403);
    const stranger = await on.app.inject({ method: 'GET', url: '/', headers: { 'x-remote-user': 'mallory' } });
    expect(stranger.statusCode).toBe(403);
    expect(on.audit().at(-1)).toMatchObject({ event: 'denied', user: 'mallory' });
    // A proxy-only user has no password, so the sign-in form never lets them in.
    expect((await signIn(on.app, 'proxied', '')).res.statusCode).toBe(401);

    const elsewhere = await portal({ trustedProxy: { header: 'X-Remote-User', addresses: ['10.0.0.5'] } });
    expect((await elsewhere.app.inject({ method: 'GET', url: '/', headers })).statusCode).toBe(303);
    // Behind the proxy, the audit log records the officer's address, not the proxy's.
    await on.app.inject({ method: 'GET', url: '/', headers: { ...headers, 'x-forwarded-for': '10.20.30.40' } });
    await on.app.inject({ method: 'GET', url: '/', headers: { 'x-remote-user': 'mallory', 'x-forwarded-for': '10.20.30.41' } });
    expect(on.audit().at(-1)).toMatchObject({ user: 'mallory', ip: '10.20.30.41' });
    await elsewhere.app.inject({ method: 'GET', url: '/', headers: { 'x-remote-user': 'mallory', 'x-forwarded-for': '10.20.30.42' } });
    expect(elsewhere.audit()).toEqual([]); // not from the proxy: the header is not even looked at
  });

  it('shows run status to the performance team only, and filters the list by report and period', async () => {
    const { app } = await portal();
    const officer = cookieHeader((await signIn(app, 'olive', 'olive password 1')).jar);
    const performance = cookieHeader((await signIn(app, 'percy', 'percy password 2')).jar);
    expect((await app.inject({ method: 'GET', url: '/status', headers: { cookie: officer } })).statusCode).toBe(403);
    const status = await app.inject({ method: 'GET', url: '/status', headers: { cookie: performance } });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('NO RUNS YET'); // the fixture has published folders but no run records
    const rows = (body: string) => [...body.matchAll(/<tr data-report="([^"]+)" data-variant="([^"]+)" data-period="([^"]+)"/g)].map((m) => m.slice(1).join(' '));
    const all = rows((await app.inject({ method: 'GET', url: '/', headers: { cookie: officer } })).body);
    expect(all.sort()).toEqual(['contact-activity public 2020-05-31', 'contact-activity public 2020-06-14', 'scorecard public 2020-06-14']);
    const filtered = rows((await app.inject({ method: 'GET', url: '/?report=contact-activity&period=2020-06-14', headers: { cookie: officer } })).body);
    expect(filtered).toEqual(['contact-activity public 2020-06-14']);
    // An unknown filter value is ignored, not looked up.
    expect(rows((await app.inject({ method: 'GET', url: '/?report=../../etc', headers: { cookie: officer } })).body).length).toBe(3);
    const history = await app.inject({ method: 'GET', url: '/history', headers: { cookie: performance } });
    expect(history.body).toContain(`Run ${fx.earlierRun}`);
    expect(history.body).not.toContain('20200616T031500Z-303'); // never published
  });

  it('serves the published run\'s dbt docs to the performance team only, under a policy that lets nothing in from outside', async () => {
    const docs = path.join(fx.root, 'published', fx.currentRun, 'docs');
    const { app, audit } = await portal();
    const officer = cookieHeader((await signIn(app, 'olive', 'olive password 1')).jar);
    const performance = cookieHeader((await signIn(app, 'percy', 'percy password 2')).jar);
    // Before any run made docs: a plain 404 that says why, not an error page.
    const none = await app.inject({ method: 'GET', url: '/docs', headers: { cookie: performance } });
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('no warehouse docs');
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(docs, 'index.html'), '<!doctype html><title>dbt Docs</title><script>window.x=1</script>');
    try {
      const denied = await app.inject({ method: 'GET', url: '/docs', headers: { cookie: officer } });
      expect(denied.statusCode).toBe(403);
      expect(audit().at(-1)).toMatchObject({ event: 'denied', user: 'olive', file: 'docs' });
      expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(303); // signed out: to the sign-in page
      const ok = await app.inject({ method: 'GET', url: '/docs', headers: { cookie: performance } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('<title>dbt Docs</title>');
      expect(ok.headers['content-security-policy']).toBe(DOCS_CSP);
      expect(ok.headers['x-frame-options']).toBeDefined(); // helmet's other headers still apply
      expect(audit().at(-1)).toMatchObject({ event: 'view', user: 'percy', file: 'docs' });
      // The tab is offered to the performance team only.
      expect((await app.inject({ method: 'GET', url: '/', headers: { cookie: performance } })).body).toContain('href="/docs"');
      expect((await app.inject({ method: 'GET', url: '/', headers: { cookie: officer } })).body).not.toContain('href="/docs"');
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
  });
});
