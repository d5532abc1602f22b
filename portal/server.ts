// `csp serve`: the officers' portal. Fastify with its own plugins for cookies, forms, security headers, rate
// limiting and CSRF; sessions, users, the audit log and the catalogue are small modules beside this one.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { buildStatus } from '../pipelines/ops/status.js';
import type { DataPaths } from '../core/paths.js';
import { DOCS_DIR, DOCS_PAGE } from '../pipelines/analyst-files.js';
import { auditLog, type Audit } from './audit.js';
import { canSee, filterChoices, groupRows, isFileId, readCatalogue, selectFiles, type Filter } from './catalogue.js';
import { GateFullError, HashGate } from './hash-gate.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SessionStore } from './sessions.js';
import { credentialStamp, findUser, readUsers, type Role } from './users.js';
import {
  appendicesPage,
  historyPage,
  loginPage,
  messagePage,
  page,
  statusPage,
  STYLESHEET_HASH,
  type Viewer,
} from './views.js';

export const SESSION_COOKIE = 'csp_session';

/** The docs page's policy: its own inline code only; no network, no frames, no forms. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src 'self' data:; font-src data:; connect-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Where a proxy may connect from: as configured; loopback when only the identity header is named; else none. */
export function proxyAddresses(trustedProxy: Config['portal']['trustedProxy']): string[] {
  return trustedProxy.addresses ?? (trustedProxy.header ? ['127.0.0.1', '::1'] : []);
}

export interface PortalSettings {
  config: Config;
  paths: DataPaths;
  log: Logger;
  usersFile: string;
  auditFile: string;
}

/** Where the users file and audit log live: the config's paths (relative to the config file), else the data folder. */
export function portalFiles(
  config: Config,
  configBase: string,
  paths: DataPaths,
): { usersFile: string; auditFile: string } {
  return {
    usersFile: config.portal.usersFile
      ? path.resolve(configBase, config.portal.usersFile)
      : path.join(paths.root, 'users.json'),
    auditFile: config.portal.auditLog
      ? path.resolve(configBase, config.portal.auditLog)
      : path.join(paths.logs, 'portal-audit.log'),
  };
}

interface Signed {
  username: string;
  role: Role;
  via: 'password' | 'proxy';
  sessionId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    signed?: Signed;
  }
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly heading: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the portal's handlers share: the settings and the per-instance state, made once in createPortal. */
interface Portal {
  s: PortalSettings;
  config: Config;
  paths: DataPaths;
  log: Logger;
  p: Config['portal'];
  sessions: SessionStore;
  audit: Audit;
  /** Compared against when the username is unknown, so a wrong name takes as long as a wrong password. */
  decoyHash: string;
  proxyHeader: string | undefined;
  proxies: string[];
  passwordChecks: HashGate;
  clientIp: (req: FastifyRequest) => string;
  where: (req: FastifyRequest) => { ip: string; userAgent: string | undefined };
  identify: (req: FastifyRequest) => Signed | null;
  requireUser: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  viewer: (req: FastifyRequest, reply: FastifyReply) => Viewer;
  sendPage: (
    reply: FastifyReply,
    title: string,
    body: ReturnType<typeof loginPage>,
    v?: Viewer,
    current?: 'appendices' | 'history' | 'status',
    status?: number,
    via?: Signed['via'],
  ) => FastifyReply;
  secureFor: (req: FastifyRequest) => boolean;
}

export async function createPortal(s: PortalSettings): Promise<FastifyInstance> {
  const app = newServer(s);
  await registerPlugins(app, s.config.portal);
  const c = await portalState(s);
  refuseOtherOrigins(app, c);
  addErrorPages(app, c);
  addSignIn(app, c);
  addPages(app, c);
  addDocs(app, c);
  addFiles(app, c);
  return app;
}

/** Fastify with the portal's limits: small bodies, slow clients timed out, proxies trusted only as configured. */
function newServer(s: PortalSettings): FastifyInstance {
  const { log } = s;
  const p = s.config.portal;
  const proxies = proxyAddresses(p.trustedProxy);
  const t = p.timeouts;
  return Fastify({
    // typescript-eslint (TypeScript 6) calls this cast needless, but TypeScript 7 infers Fastify's logger type from it.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: log.child({ component: 'portal' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }), // the audit log records what matters
    // X-Forwarded-For / -Proto are believed only from a configured reverse proxy's addresses, so the audit log and
    // the sign-in limit see each officer's own address rather than the proxy's; with none configured, never.
    trustProxy: proxies.length ? proxies : false,
    bodyLimit: 16 * 1024,
    // A client that sends slowly (one byte every few seconds) must not hold a connection for ever.
    requestTimeout: t.requestSeconds * 1000,
    connectionTimeout: t.idleSeconds * 1000,
    keepAliveTimeout: Math.min(5, t.idleSeconds) * 1000,
    http: {
      headersTimeout: t.headersSeconds * 1000,
      connectionsCheckingInterval: Math.min(1000, t.headersSeconds * 500),
    },
  });
}

/** Cookies, forms, security headers, rate limiting and CSRF; nothing the portal sends may be cached. */
async function registerPlugins(app: FastifyInstance, p: Config['portal']): Promise<void> {
  await app.register(fastifyCookie, { secret: randomBytes(32).toString('hex') });
  await app.register(fastifyFormbody);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: [STYLESHEET_HASH],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'csp_csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      signed: true,
      secure: p.secureCookies === 'always' ? true : p.secureCookies === 'never' ? false : 'auto',
    },
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

/** The sessions, audit log, sign-in gate and the helpers every handler uses. */
async function portalState(s: PortalSettings): Promise<Portal> {
  const { config, paths, log } = s;
  const p = config.portal;
  const sessions = new SessionStore(p.sessionMinutes * 60_000);
  const audit: Audit = auditLog(s.auditFile);
  // Compared against when the username is unknown, so a wrong name takes as long as a wrong password.
  const decoyHash = await hashPassword(randomBytes(16).toString('hex'));
  const proxyHeader = p.trustedProxy.header?.toLowerCase();
  const proxies = proxyAddresses(p.trustedProxy);
  const passwordChecks = new HashGate(p.signInChecks.concurrent, p.signInChecks.queued);
  const secureFor = (req: FastifyRequest): boolean =>
    p.secureCookies === 'always' || (p.secureCookies === 'auto' && req.protocol === 'https');

  /** The client's address: from X-Forwarded-For only through a trusted proxy, and only when it is an address. */
  const clientIp = (req: FastifyRequest): string => (isIP(req.ip) ? req.ip : (req.socket.remoteAddress ?? 'unknown'));
  const where = (req: FastifyRequest) => ({ ip: clientIp(req), userAgent: req.headers['user-agent'] });

  /** The signed-in user: a trusted proxy's header, else the session cookie; re-checked against the users file each time. */
  function identify(req: FastifyRequest): Signed | null {
    const users = readUsers(s.usersFile);
    if (proxyHeader && proxies.includes(req.socket.remoteAddress ?? '')) {
      const name = req.headers[proxyHeader];
      if (typeof name === 'string' && name.trim()) {
        const user = findUser(users, name);
        if (!user) {
          audit({
            event: 'denied',
            user: name,
            ...where(req),
            reason: 'signed in at the proxy but not in the users file',
          });
          throw new HttpError(
            403,
            'Not registered',
            `You are signed in as ${name}, but you are not registered for this portal. Ask the performance team to add you (csp user add).`,
          );
        }
        return { username: user.username, role: user.role, via: 'proxy' };
      }
    }
    const session = sessions.get(req.cookies[SESSION_COOKIE]);
    if (!session) return null;
    const user = findUser(users, session.username);
    if (!user || user.role !== session.role || credentialStamp(user) !== session.credential) {
      sessions.destroyUser(session.username); // removed, or given another password or role, since signing in
      return null;
    }
    return { username: user.username, role: user.role, via: 'password', sessionId: session.id };
  }

  const requireUser = async (req: FastifyRequest, reply: FastifyReply) => {
    const signed = identify(req);
    if (!signed) return reply.redirect('/login', 303);
    req.signed = signed;
  };

  const viewer = (req: FastifyRequest, reply: FastifyReply): Viewer => ({
    username: req.signed!.username,
    role: req.signed!.role,
    csrfToken: reply.generateCsrf(),
  });
  const sendPage = (
    reply: FastifyReply,
    title: string,
    body: ReturnType<typeof loginPage>,
    v?: Viewer,
    current?: 'appendices' | 'history' | 'status',
    status = 200,
    via?: Signed['via'],
  ) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        page(
          {
            council: config.council.name,
            directorate: config.council.directorate,
            title,
            viewer: v,
            current,
            canSignOut: via !== 'proxy',
          },
          body,
        ),
      );
  return {
    s,
    config,
    paths,
    log,
    p,
    sessions,
    audit,
    decoyHash,
    proxyHeader,
    proxies,
    passwordChecks,
    clientIp,
    where,
    identify,
    requireUser,
    viewer,
    sendPage,
    secureFor,
  };
}

/**
 * A form posted from another site is refused before anything else looks at it (the CSRF token is the second
 * lock). Browsers send Origin with every POST; a request without one is left to the CSRF check. The scheme is
 * not compared: behind a TLS proxy the portal itself is reached over http.
 */
function refuseOtherOrigins(app: FastifyInstance, c: Portal): void {
  const sameOrigin = (req: FastifyRequest, origin: string): boolean => {
    try {
      const url = new URL(origin);
      // Read the Host with the Origin's scheme, so a default port (80, 443) compares equal written or not.
      return url.host === new URL(`${url.protocol}//${req.host}`).host || c.p.publicOrigins.includes(url.origin);
    } catch {
      return false; // "null" (a sandboxed frame, a file) or nonsense
    }
  };
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const origin = req.headers.origin;
    if (origin === undefined || sameOrigin(req, origin)) return;
    c.audit({
      event: 'denied',
      user: null,
      ...c.where(req),
      reason: `${req.method} ${req.url.split('?')[0]} from another origin: ${String(origin).slice(0, 200)}`,
    });
    throw new HttpError(
      403,
      'Not allowed',
      'This form was sent from another web site, so it was refused. Open the portal itself and try again.',
    );
  });
}

/** Error and not-found pages in the portal's own layout, saying what to do next. */
function addErrorPages(app: FastifyInstance, c: Portal): void {
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err instanceof HttpError ? err.statusCode : (err.statusCode ?? 500);
    if (status >= 500 && status !== 503)
      req.log.error({ err }, `portal: ${req.method} ${req.url} failed: ${err.message}`);
    const heading =
      err instanceof HttpError
        ? err.heading
        : status === 403
          ? 'Not allowed'
          : status === 429
            ? 'Too many attempts'
            : status >= 500
              ? 'Something went wrong'
              : 'Request not accepted';
    const text =
      err instanceof HttpError || status === 429
        ? err.message
        : status === 403
          ? 'This form has expired or did not come from this portal. Go back, reload the page and try again.'
          : status >= 500
            ? 'The portal could not do that. The performance team can see the details in its log.'
            : err.message;
    // A signed-in user keeps the header and tabs on an error page (a refusal is not a sign-out).
    return c.sendPage(
      reply,
      heading,
      messagePage(heading, text),
      req.signed ? c.viewer(req, reply) : undefined,
      undefined,
      status,
      req.signed?.via,
    );
  });
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  app.setNotFoundHandler((_req, reply) =>
    c.sendPage(
      reply,
      'Not found',
      messagePage('Page not found', 'There is no such page or file.'),
      undefined,
      undefined,
      404,
    ),
  );
}

/** Signing in (password, rate-limited and gated) and out. */
function addSignIn(app: FastifyInstance, c: Portal): void {
  app.get('/login', async (req, reply) => {
    if (c.identify(req)) return reply.redirect('/', 303);
    return c.sendPage(reply, 'Sign in', loginPage({ csrfToken: reply.generateCsrf() }));
  });

  const attempts = c.p.loginAttempts;
  app.post<{ Body: { username?: string; password?: string } }>(
    '/login',
    {
      // @fastify/csrf-protection's hook does not use `this`.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      preValidation: app.csrfProtection,
      config: {
        rateLimit: {
          max: attempts.max,
          timeWindow: attempts.windowMinutes * 60_000,
          keyGenerator: (req: FastifyRequest) => c.clientIp(req),
          onExceeded: (req: FastifyRequest) =>
            c.audit({
              event: 'sign-in-rate-limited',
              user: null,
              ...c.where(req),
              reason: `more than ${attempts.max} attempts in ${attempts.windowMinutes} minutes`,
            }),
          errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string; statusCode: number }) =>
            new HttpError(
              429,
              'Too many sign-in attempts',
              `Too many sign-in attempts from your address. Try again in ${ctx.after}.`,
            ),
        },
      },
    },
    async (req, reply) => {
      const username = String(req.body?.username ?? '').slice(0, 64);
      const password = String(req.body?.password ?? '');
      const user = findUser(readUsers(c.s.usersFile), username);
      let ok: boolean;
      try {
        ok = await c.passwordChecks.run(() => verifyPassword(password, user?.passwordHash || c.decoyHash));
      } catch (e) {
        if (!(e instanceof GateFullError)) throw e;
        c.audit({
          event: 'sign-in-busy',
          user: username,
          ...c.where(req),
          reason: `more than ${c.p.signInChecks.concurrent + c.p.signInChecks.queued} sign-ins being checked at once`,
        });
        reply.header('retry-after', '5');
        throw new HttpError(
          503,
          'Busy',
          'The portal is checking a lot of sign-ins at the moment. Wait a few seconds and sign in again.',
        );
      }
      if (!user || !user.passwordHash || !ok) {
        c.audit({
          event: 'sign-in-failed',
          user: username,
          ...c.where(req),
          reason: !user
            ? 'unknown username'
            : !user.passwordHash
              ? 'user signs in through the proxy only'
              : 'wrong password',
        });
        c.log.warn(
          { user: username, ip: c.clientIp(req) },
          `portal: failed sign-in for '${username}' from ${c.clientIp(req)}`,
        );
        return c.sendPage(
          reply,
          'Sign in',
          loginPage({
            csrfToken: reply.generateCsrf(),
            username,
            error: 'The username or password is not right. Check them and try again.',
          }),
          undefined,
          undefined,
          401,
        );
      }
      c.sessions.destroy(req.cookies[SESSION_COOKIE]); // a fresh id at every sign-in
      const session = c.sessions.create(user.username, user.role, credentialStamp(user));
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: c.secureFor(req),
        maxAge: c.p.sessionMinutes * 60,
      });
      c.audit({ event: 'sign-in', user: user.username, role: user.role, ...c.where(req) });
      c.log.info({ user: user.username, role: user.role }, `portal: ${user.username} signed in (${user.role})`);
      return reply.redirect('/', 303);
    },
  );

  // eslint-disable-next-line @typescript-eslint/unbound-method -- @fastify/csrf-protection's hook does not use `this`
  app.post('/logout', { preValidation: app.csrfProtection }, async (req, reply) => {
    const session = c.sessions.get(req.cookies[SESSION_COOKIE]);
    if (session) c.audit({ event: 'sign-out', user: session.username, role: session.role, ...c.where(req) });
    c.sessions.destroy(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });
}

/** The appendices list, earlier runs and run status. */
function addPages(app: FastifyInstance, c: Portal): void {
  app.get<{ Querystring: { report?: string; period?: string } }>(
    '/',
    { preHandler: c.requireUser },
    async (req, reply) => {
      const { role } = req.signed!;
      const cat = readCatalogue(c.paths);
      const shown = selectFiles(
        cat.files.filter((f) => f.current),
        role,
      );
      const choices = filterChoices(shown);
      // Filter values are only compared with what is listed; anything else is ignored.
      const filter: Filter = {
        report: choices.reports.some((o) => o.value === req.query.report) ? req.query.report : undefined,
        period: choices.periods.some((o) => o.value === req.query.period) ? req.query.period : undefined,
      };
      const rows = groupRows(selectFiles(shown, role, filter));
      return c.sendPage(
        reply,
        'Appendices',
        appendicesPage({ rows, choices, filter, role, run: cat.runs.find((r) => r.current) ?? null }),
        c.viewer(req, reply),
        'appendices',
        200,
        req.signed!.via,
      );
    },
  );

  app.get('/history', { preHandler: c.requireUser }, async (req, reply) => {
    const { role } = req.signed!;
    const cat = readCatalogue(c.paths);
    const runs = cat.runs.map((run) => ({
      run,
      rows: groupRows(
        selectFiles(
          cat.files.filter((f) => f.folderRun === run.runId),
          role,
        ),
      ),
    }));
    return c.sendPage(
      reply,
      'Earlier runs',
      historyPage({ runs }),
      c.viewer(req, reply),
      'history',
      200,
      req.signed!.via,
    );
  });

  app.get('/status', { preHandler: c.requireUser }, async (req, reply) => {
    if (req.signed!.role !== 'performance')
      throw new HttpError(403, 'Not allowed', 'Run status is for the performance team.');
    const view = await buildStatus(c.paths, c.config);
    return c.sendPage(
      reply,
      'Run status',
      statusPage(view, readCatalogue(c.paths).problems),
      c.viewer(req, reply),
      'status',
      200,
      req.signed!.via,
    );
  });
}

/** The published run's dbt docs (lineage, descriptions, tests): the performance team's, like run status. */
function addDocs(app: FastifyInstance, c: Portal): void {
  app.get('/docs', { preHandler: c.requireUser }, async (req, reply) => {
    const { username, role } = req.signed!;
    if (role !== 'performance') {
      c.audit({
        event: 'denied',
        user: username,
        role,
        ...c.where(req),
        file: 'docs',
        reason: 'warehouse docs are for the performance team',
      });
      throw new HttpError(403, 'Not allowed', 'The warehouse docs are for the performance team.');
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(c.paths.current, DOCS_DIR, DOCS_PAGE));
    } catch {
      throw new HttpError(
        404,
        'No docs yet',
        'The published run has no warehouse docs (it was published before they were made, or dbt docs failed: see Run status). The next run makes them.',
      );
    }
    c.audit({ event: 'view', user: username, role, ...c.where(req), file: 'docs' });
    // dbt's docs page is one file of inline script and styles with its data inlined: allow exactly that, and
    // nothing from anywhere else (its tracker and any CDN are refused by the browser).
    return reply.header('content-security-policy', DOCS_CSP).type('text/html; charset=utf-8').send(bytes);
  });
}

/** Files: looked up by id in the manifests, never by a path from the request. */
function addFiles(app: FastifyInstance, c: Portal): void {
  const serveFile =
    (inline: boolean) => async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const { username, role } = req.signed!;
      const id = req.params.id;
      const file = isFileId(id) ? readCatalogue(c.paths).files.find((f) => f.id === id) : undefined;
      if (!file || (inline && file.format !== 'pdf'))
        throw new HttpError(
          404,
          'Not found',
          'There is no such appendix file. It may have been pruned with an old run; go back to the list.',
        );
      const what = { file: file.file, runId: file.runId, variant: file.variant };
      if (!canSee(role, file.variant)) {
        c.audit({ event: 'denied', user: username, role, ...c.where(req), ...what, reason: `${file.variant} variant` });
        throw new HttpError(
          403,
          'Not allowed',
          'This is a restricted appendix: only the performance team can open it. Use the public version.',
        );
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(file.absPath);
      } catch {
        c.audit({
          event: 'missing',
          user: username,
          role,
          ...c.where(req),
          ...what,
          reason: 'listed in the manifest but not on disk',
        });
        throw new HttpError(
          404,
          'File missing',
          `${file.file} is listed but no longer on disk (its run may just have been pruned). Go back to the list and try again.`,
        );
      }
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
        c.audit({
          event: 'denied',
          user: username,
          role,
          ...c.where(req),
          ...what,
          reason: 'file does not match its manifest checksum',
        });
        c.log.error({ file: file.absPath }, `portal: ${file.absPath} does not match its manifest checksum; not served`);
        throw new HttpError(
          500,
          'File not served',
          `${file.file} does not match the checksum recorded when it was made, so it is not served. Tell the performance team.`,
        );
      }
      // HEAD (a link checker, a browser's prefetch) gets the headers only: audited as such, not as a download.
      c.audit({
        event: req.method === 'HEAD' ? 'head' : inline ? 'view' : 'download',
        user: username,
        role,
        ...c.where(req),
        ...what,
      });
      const type =
        file.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const safeName = file.file.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .type(type)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${safeName}"`)
        .header('content-length', bytes.length)
        .send(bytes);
    };
  app.get<{ Params: { id: string } }>('/files/:id', { preHandler: c.requireUser }, serveFile(false));
  app.get<{ Params: { id: string } }>('/files/:id/view', { preHandler: c.requireUser }, serveFile(true));
}
