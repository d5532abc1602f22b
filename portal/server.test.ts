// The portal's rules over HTTP (fastify.inject, no browser): CSRF, rate limiting, cookies and headers, who may
// fetch which file, the trusted proxy header, and what the audit log records. The browser tests are in test/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writePortalFixture, type PortalFixture } from '../test/helpers/portal-data.js';
import { tempDir } from '../test/helpers/tmp.js';
import { parseConfig, type ConfigInput } from '../core/config.js';
import { silentLogger } from '../core/logger.js';
import { dataPaths } from '../core/paths.js';
import type { AuditRecord } from './audit.js';
import { fileId } from './catalogue.js';
import { createPortal, DOCS_CSP, SESSION_COOKIE } from './server.js';
import { addUser, removeUser } from './users.js';

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
  const app = await createPortal({
    config: parseConfig({ portal: portalConfig }),
    paths: dataPaths(fx.root),
    log: silentLogger(),
    usersFile,
    auditFile,
  });
  apps.push(app);
  const audit = (): AuditRecord[] => {
    try {
      return readFileSync(auditFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as AuditRecord);
    } catch {
      return [];
    }
  };
  return { app, audit };
}

const cookiesOf = (res: { cookies: { name: string; value: string }[] }) =>
  Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Fetch the sign-in form (its CSRF cookie and token) and post it. */
async function signIn(app: FastifyInstance, username: string, password: string) {
  const form = await app.inject({ method: 'GET', url: '/login' });
  const jar = cookiesOf(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: cookieHeader(jar) },
    payload: { _csrf: token, username, password },
  });
  return { res, jar: { ...jar, ...cookiesOf(res) } };
}

const fixtureFile = (pred: (e: PortalFixture['files'][number]['entry']) => boolean) =>
  fx.files.find((f) => f.entry.runId === fx.currentRun && pred(f.entry))!;
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
    const noToken = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { username: 'olive', password: 'olive password 1' },
    });
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
    const view = await app.inject({
      method: 'GET',
      url: `/files/${idOf(publicPdf)}/view`,
      headers: { cookie: officer },
    });
    expect(view.headers['content-disposition']).toMatch(/^inline;/);

    const denied = await app.inject({ method: 'GET', url: `/files/${idOf(restricted)}`, headers: { cookie: officer } });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain(restricted.entry.sha256);

    for (const url of [
      '/files/..%2F..%2Fusers.json',
      '/files/../users.json',
      `/files/${'0'.repeat(24)}`,
      '/files/users.json',
      `/files/${idOf(restricted).toUpperCase()}`,
    ]) {
      expect((await app.inject({ method: 'GET', url, headers: { cookie: officer } })).statusCode, url).toBe(404);
    }
    // Signed out: no file at all.
    expect((await app.inject({ method: 'GET', url: `/files/${idOf(publicPdf)}` })).statusCode).toBe(303);

    const performance = cookieHeader((await signIn(app, 'percy', 'percy password 2')).jar);
    const ok = await app.inject({ method: 'GET', url: `/files/${idOf(restricted)}`, headers: { cookie: performance } });
    expect(createHash('sha256').update(ok.rawPayload).digest('hex')).toBe(restricted.entry.sha256);

    const files = audit()
      .filter((a) => a.file)
      .map((a) => [a.event, a.user, a.file, a.variant]);
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
      expect(audit().at(-1)).toMatchObject({
        event: 'denied',
        file: target.entry.file,
        reason: 'file does not match its manifest checksum',
      });
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
    await on.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-remote-user': 'mallory', 'x-forwarded-for': '10.20.30.41' },
    });
    expect(on.audit().at(-1)).toMatchObject({ user: 'mallory', ip: '10.20.30.41' });
    await elsewhere.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-remote-user': 'mallory', 'x-forwarded-for': '10.20.30.42' },
    });
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
    const rows = (body: string) =>
      [...body.matchAll(/<tr data-report="([^"]+)" data-variant="([^"]+)" data-period="([^"]+)"/g)].map((m) =>
        m.slice(1).join(' '),
      );
    const all = rows((await app.inject({ method: 'GET', url: '/', headers: { cookie: officer } })).body);
    expect(all.sort()).toEqual([
      'contact-activity public 2020-05-31',
      'contact-activity public 2020-06-14',
      'scorecard public 2020-06-14',
    ]);
    const filtered = rows(
      (
        await app.inject({
          method: 'GET',
          url: '/?report=contact-activity&period=2020-06-14',
          headers: { cookie: officer },
        })
      ).body,
    );
    expect(filtered).toEqual(['contact-activity public 2020-06-14']);
    // An unknown filter value is ignored, not looked up.
    expect(
      rows((await app.inject({ method: 'GET', url: '/?report=../../etc', headers: { cookie: officer } })).body).length,
    ).toBe(3);
    const history = await app.inject({ method: 'GET', url: '/history', headers: { cookie: performance } });
    expect(history.body).toContain(`Run ${fx.earlierRun}`);
    expect(history.body).not.toContain('20200616T031500Z-303'); // never published
  });

  it("serves the published run's dbt docs to the performance team only, under a policy that lets nothing in from outside", async () => {
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
      expect((await app.inject({ method: 'GET', url: '/', headers: { cookie: performance } })).body).toContain(
        'href="/docs"',
      );
      expect((await app.inject({ method: 'GET', url: '/', headers: { cookie: officer } })).body).not.toContain(
        'href="/docs"',
      );
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
  });
});

/** Send `head` at once, then `drip` one byte at a time every `everyMs`; resolve with what the server sent back and whether it hung up first. */
function slowRequest(
  port: number,
  head: string,
  drip: string,
  everyMs: number,
): Promise<{ reply: string; cutOff: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (c) => (reply += c.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ reply, cutOff: sent < drip.length });
    });
    socket.on('connect', () => {
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (sent < drip.length) socket.write(drip[sent++]!);
        else {
          clearInterval(timer);
          socket.end();
        }
      }, everyMs);
    });
  });
}

describe('portal under abuse (issue 15)', () => {
  it('ends a session when the password or the role changes, or the user is removed', async () => {
    const { app } = await portal();
    await addUser(usersFile, { username: 'ruth', role: 'officer', password: 'ruth password 1' });
    const home = async (jar: Record<string, string>) =>
      (await app.inject({ method: 'GET', url: '/', headers: { cookie: cookieHeader(jar) } })).statusCode;
    try {
      const first = (await signIn(app, 'ruth', 'ruth password 1')).jar;
      const other = (await signIn(app, 'ruth', 'ruth password 1')).jar; // a second browser
      expect(await home(first)).toBe(200);
      // `csp user add ruth` again, same role, new password: both browsers are signed out at their next request.
      await addUser(usersFile, { username: 'ruth', role: 'officer', password: 'ruth password 2' });
      expect(await home(first)).toBe(303);
      expect(await home(other)).toBe(303);
      expect((await signIn(app, 'ruth', 'ruth password 1')).res.statusCode).toBe(401);
      const second = (await signIn(app, 'ruth', 'ruth password 2')).jar;
      expect(await home(second)).toBe(200);
      // The same password again, or another role, also ends it.
      await addUser(usersFile, { username: 'ruth', role: 'officer', password: 'ruth password 2' });
      expect(await home(second)).toBe(303);
      const third = (await signIn(app, 'ruth', 'ruth password 2')).jar;
      await addUser(usersFile, { username: 'ruth', role: 'performance', password: 'ruth password 2' });
      expect(await home(third)).toBe(303);
      const fourth = (await signIn(app, 'ruth', 'ruth password 2')).jar;
      expect(await home(fourth)).toBe(200);
      removeUser(usersFile, 'ruth');
      expect(await home(fourth)).toBe(303);
    } finally {
      removeUser(usersFile, 'ruth');
    }
  });

  it('believes X-Forwarded-For only from a configured proxy, so rotating it does not get round the sign-in limit', async () => {
    const { app, audit } = await portal({ loginAttempts: { max: 3, windowMinutes: 15 } });
    const tries = async (a: FastifyInstance, password: string, i: number) => {
      const form = await a.inject({ method: 'GET', url: '/login', headers: { 'x-forwarded-for': `10.9.9.${i}` } });
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const res = await a.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie: cookieHeader(cookiesOf(form)), 'x-forwarded-for': `10.9.9.${i}` },
        payload: { _csrf: token, username: 'olive', password },
      });
      return res.statusCode;
    };
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await tries(app, `wrong guess ${i}`, i));
    codes.push(await tries(app, 'olive password 1', 99));
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(new Set(audit().map((a) => a.ip))).toEqual(new Set(['127.0.0.1']));

    // Configured: the officer's own address is recorded, but only when it is an address.
    const proxied = await portal({ trustedProxy: { addresses: ['127.0.0.1'] } });
    for (const xff of [
      '10.20.30.40',
      '<script>alert(1)</script>',
      'not an address',
      '10.1.1.1, 999.1.1.1',
      '2001:db8::7',
    ]) {
      await signIn(proxied.app, 'nobody', 'x').catch(() => undefined);
      await proxied.app.inject({
        method: 'POST',
        url: '/login',
        headers: { 'x-forwarded-for': xff },
        payload: { username: 'nobody', password: 'x' },
      });
    }
    const ips = proxied.audit().map((a) => a.ip);
    expect(ips.length).toBeGreaterThan(0);
    for (const ip of ips) expect(['127.0.0.1', '10.20.30.40', '2001:db8::7']).toContain(ip);
  });

  it('records the proxied address from a configured proxy, and the proxy itself when the header is not an address', async () => {
    const headers = { 'x-remote-user': 'Proxied' };
    const { app, audit } = await portal({ trustedProxy: { header: 'X-Remote-User', addresses: ['127.0.0.1'] } });
    for (const xff of ['10.20.30.40', '<script>', '999.1.1.1', '2001:db8::7']) {
      await app.inject({ method: 'GET', url: '/', headers: { 'x-remote-user': 'mallory', 'x-forwarded-for': xff } });
    }
    expect(audit().map((a) => a.ip)).toEqual(['10.20.30.40', '127.0.0.1', '127.0.0.1', '2001:db8::7']);
    expect((await app.inject({ method: 'GET', url: '/', headers })).statusCode).toBe(200);
  });

  it('audits a HEAD request for a file as HEAD, not as a download', async () => {
    const { app, audit } = await portal();
    const officer = cookieHeader((await signIn(app, 'olive', 'olive password 1')).jar);
    const pdf = fixtureFile((e) => e.variant === 'public' && e.format === 'pdf');
    const head = await app.inject({ method: 'HEAD', url: `/files/${idOf(pdf)}`, headers: { cookie: officer } });
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
    expect(
      audit()
        .filter((a) => a.file)
        .map((a) => [a.event, a.file]),
    ).toEqual([['head', pdf.entry.file]]);
  });

  it('refuses a POST from another origin, even with a good CSRF token, and audits it', async () => {
    const { app, audit } = await portal({ publicOrigins: ['https://reports.example.gov.uk'] });
    const post = async (origin: string | undefined) => {
      const form = await app.inject({ method: 'GET', url: '/login' });
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      return app.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie: cookieHeader(cookiesOf(form)), ...(origin ? { origin } : {}) },
        payload: { _csrf: token, username: 'olive', password: 'olive password 1' },
      });
    };
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example:80']) {
      const res = await post(origin);
      expect(res.statusCode, origin).toBe(403);
      expect(res.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(false);
    }
    expect(audit().map((a) => [a.event, a.reason])).toEqual([
      ['denied', 'POST /login from another origin: https://evil.example'],
      ['denied', 'POST /login from another origin: null'],
      ['denied', 'POST /login from another origin: http://localhost.evil.example:80'],
    ]);
    // Its own origin (the Host it was reached at, over http or https), a configured public one, or none at all.
    for (const origin of ['http://localhost:80', 'https://localhost:80', 'https://reports.example.gov.uk', undefined])
      expect((await post(origin)).statusCode, origin).toBe(303);
  });

  it('refuses a flood of sign-ins at once (503) instead of queuing a real one behind their password checks', async () => {
    const { app, audit } = await portal({
      loginAttempts: { max: 1000, windowMinutes: 15 },
      signInChecks: { concurrent: 1, queued: 1 },
    });
    const form = await app.inject({ method: 'GET', url: '/login' });
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const attempt = (username: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie: cookieHeader(cookiesOf(form)) },
        payload: { _csrf: token, username, password },
      });
    let floodChecked = 0;
    const flood = Array.from({ length: 12 }, (_, i) =>
      attempt(`flood${i}`, 'wrong password').then((r) => (r.statusCode === 401 && floodChecked++, r)),
    );
    const real = await attempt('olive', 'olive password 1');
    // The real sign-in was answered before the flood's password checks had finished: refused, not queued.
    expect(real.statusCode).toBe(503);
    expect(real.headers['retry-after']).toBe('5');
    expect(floodChecked).toBeLessThan(2);
    const codes = (await Promise.all(flood)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBe(2); // one checked, one queued
    expect(codes.filter((c) => c === 503).length).toBe(10);
    expect(audit().filter((a) => a.event === 'sign-in-busy').length).toBe(11);
    expect((await attempt('olive', 'olive password 1')).statusCode).toBe(303); // once the flood is over
  });

  it('cuts off a request body or headers sent a byte at a time, and a connection left idle', async () => {
    const { app } = await portal({ timeouts: { headersSeconds: 1, requestSeconds: 2, idleSeconds: 2 } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    const body = `username=olive&password=${'x'.repeat(200)}`;
    const slowBody = slowRequest(
      port,
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
      100,
    );
    const slowHeaders = slowRequest(
      port,
      'GET /login HTTP/1.1\r\n',
      `Host: 127.0.0.1\r\nUser-Agent: ${'y'.repeat(200)}\r\n\r\n`,
      100,
    );
    const idle = slowRequest(port, '', 'x'.repeat(1), 60_000);
    const [b, h, i] = await Promise.all([slowBody, slowHeaders, idle]);
    expect(b.cutOff).toBe(true);
    expect(b.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(h.cutOff).toBe(true);
    expect(h.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(i.cutOff).toBe(true);
    // Meanwhile and afterwards, ordinary requests are answered.
    expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
  });
});
