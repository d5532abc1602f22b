// The portal's pages: plain server-rendered HTML with one small inline stylesheet (allowed by its hash in the
// Content-Security-Policy), no scripts and nothing from outside.
import { createHash } from 'node:crypto';
import { formatTime, type StatusView } from '../pipelines/ops/status.js';
import type { AppendixRow, CatalogueFile, Filter, PublishedRun } from './catalogue.js';
import { html, raw, type Html } from './html.js';
import type { Role } from './users.js';

export const STYLESHEET = `
:root{--ink:#1d2731;--muted:#56616b;--line:#c9d1d8;--band:#15426b;--accent:#0b5394;--bg:#f4f6f8;--restricted:#8a1c1c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 Arial,Helvetica,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}a:focus,button:focus,select:focus,input:focus{outline:3px solid #ffbf47;outline-offset:1px}
header.band{background:var(--band);color:#fff;padding:.75rem 1.5rem;display:flex;align-items:center;justify-content:space-between;gap:1rem;flex-wrap:wrap}
header.band .org{font-weight:bold;font-size:1.15rem}header.band .org small{display:block;font-weight:normal;font-size:.9rem;opacity:.9}
header.band form{margin:0;display:inline}header.band .who{font-size:.9rem}
header.band button{background:transparent;color:#fff;border:1px solid #fff;border-radius:3px;padding:.2rem .6rem;cursor:pointer;margin-left:.5rem}
nav.tabs{background:#fff;border-bottom:1px solid var(--line);padding:0 1.5rem}
nav.tabs a{display:inline-block;padding:.6rem .9rem;text-decoration:none;color:var(--ink);border-bottom:4px solid transparent}
nav.tabs a[aria-current=page]{border-bottom-color:var(--accent);font-weight:bold}
main{max-width:76rem;margin:1.25rem auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin:.25rem 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
p.lead{color:var(--muted);margin-top:0}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
th,td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line)}
thead th{background:#e8edf2;font-size:.9rem}
td.num{white-space:nowrap}tbody tr:hover{background:#f9fbfc}
.tag{display:inline-block;font-size:.8rem;font-weight:bold;padding:.05rem .45rem;border-radius:3px;background:#e3eefa;color:var(--accent)}
.tag.restricted{background:#fbe5e5;color:var(--restricted)}.tag.current{background:#e2f3e6;color:#1e6b34}
.files a{margin-right:.6rem;white-space:nowrap}
form.filter{background:#fff;border:1px solid var(--line);padding:.75rem 1rem;margin:0 0 1rem;display:flex;gap:1rem;align-items:flex-end;flex-wrap:wrap}
form.filter label{display:block;font-size:.9rem;font-weight:bold}
select,input[type=text],input[type=password]{font:inherit;padding:.35rem .4rem;border:1px solid #6f7b86;border-radius:3px;min-width:14rem}
button.primary{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:3px;padding:.45rem 1.1rem;cursor:pointer}
a.button{font-size:.95rem}
.card{background:#fff;border:1px solid var(--line);padding:1.25rem 1.5rem;max-width:26rem;margin:2.5rem auto}
.card label{display:block;font-weight:bold;margin:.75rem 0 .2rem}.card input{width:100%}.card button{margin-top:1rem}
.error{border-left:5px solid #b10e1e;background:#fdf0f0;padding:.5rem .75rem;margin:.75rem 0}
.ok{border-left:5px solid #1e6b34;background:#eef8f0;padding:.5rem .75rem}
.problem{border-left:5px solid #b10e1e;background:#fdf0f0;padding:.5rem .75rem;margin:.25rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;background:#fff;border:1px solid var(--line);padding:.75rem 1rem}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
footer{max-width:76rem;margin:2rem auto;padding:0 1.5rem;color:var(--muted);font-size:.85rem}
.empty{background:#fff;border:1px solid var(--line);padding:1rem}
`.trim();

/** For the Content-Security-Policy: the one inline stylesheet the pages use, and nothing else. */
export const STYLESHEET_HASH = `'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`;

export interface Viewer {
  username: string;
  role: Role;
  csrfToken: string;
}

export interface PageOpts {
  council: string;
  directorate: string;
  title: string;
  viewer?: Viewer;
  current?: 'appendices' | 'history' | 'status' | 'docs';
  /** Password sign-in only: a proxy-signed-in user signs out at the proxy. */
  canSignOut?: boolean;
}

export function page(o: PageOpts, body: Html): string {
  const v = o.viewer;
  const tab = (href: string, label: string, id: PageOpts['current']) =>
    html`<a href="${href}" ${o.current === id ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} - ${o.council}</title>
        <style>
          ${raw(STYLESHEET)}
        </style>
      </head>
      <body>
        <header class="band">
          <div class="org">${o.council}<small>${o.directorate}: committee appendices</small></div>
          ${v ? html`<div class="who">Signed in as <strong>${v.username}</strong> (${roleLabel(v.role)})${o.canSignOut !== false ? html`<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${v.csrfToken}" /><button type="submit">Sign out</button></form>` : ''}</div>` : ''}
        </header>
        ${v ? html`<nav class="tabs" aria-label="Portal">${tab('/', 'Appendices', 'appendices')}${tab('/history', 'Earlier runs', 'history')}${v.role === 'performance' ? html`${tab('/status', 'Run status', 'status')}${tab('/docs', 'Warehouse docs', 'docs')}` : ''}</nav>` : ''}
        <main id="main">${body}</main>
        <footer>
          All downloads are recorded. Public appendices suppress small numbers; restricted appendices must not be
          published.
        </footer>
      </body>
    </html> `.value;
}

export const roleLabel = (role: Role): string => (role === 'performance' ? 'performance team' : 'officer');

export function loginPage(o: { csrfToken: string; username?: string; error?: string; next?: string }): Html {
  return html`<div class="card">
    <h1>Sign in</h1>
    <p class="lead">Committee appendices for officers and the performance team.</p>
    ${o.error ? html`<div class="error" role="alert">${o.error}</div>` : ''}
    <form method="post" action="/login">
      <input type="hidden" name="_csrf" value="${o.csrfToken}" />
      <label for="username">Username</label>
      <input
        type="text"
        id="username"
        name="username"
        autocomplete="username"
        required
        maxlength="64"
        value="${o.username ?? ''}"
        autofocus
      />
      <label for="password">Password</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required maxlength="1024" />
      <button class="primary" type="submit">Sign in</button>
    </form>
  </div>`;
}

const TZ = 'Europe/London';
const dateTime = (iso: string | null | undefined): string => formatTime(iso, TZ);
const longDate = (iso: string | null): string =>
  iso
    ? new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
        new Date(`${iso}T00:00:00Z`),
      )
    : 'not set';
const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const variantTag = (variant: string) =>
  variant === 'restricted'
    ? html`<span class="tag restricted">Restricted</span>`
    : html`<span class="tag">Public</span>`;

function fileLinks(row: AppendixRow): Html {
  const link = (f: CatalogueFile | undefined, label: string) =>
    f ? html`<a href="/files/${f.id}" download>${label}<small> (${size(f.bytes)})</small></a>` : '';
  return html`<span class="files"
    >${link(row.xlsx, 'Excel')}${link(row.pdf, 'PDF')}${row.pdf ? html`<a href="/files/${row.pdf.id}/view" target="_blank" rel="noopener">View PDF</a>` : ''}</span
  >`;
}

export function appendixTable(rows: AppendixRow[], caption: string): Html {
  if (!rows.length) return html`<p class="empty">No appendices match.</p>`;
  return html`<table aria-label="${caption}">
    <thead>
      <tr>
        <th scope="col">Appendix</th>
        <th scope="col">Meeting</th>
        <th scope="col">Period</th>
        <th scope="col">Variant</th>
        <th scope="col">Data as at</th>
        <th scope="col">Generated</th>
        <th scope="col">Files</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr data-report="${r.report}" data-variant="${r.variant}" data-period="${r.periodEnd}">
            <td>
              <strong>Appendix ${r.appendix}</strong>:
              ${r.title}${r.origin === 'on-demand' ? html`<br /><span class="tag">On demand</span>` : ''}
            </td>
            <td class="num" title="${r.committee}">${longDate(r.meetingDate)}</td>
            <td>${r.period}</td>
            <td>${variantTag(r.variant)}</td>
            <td class="num">${dateTime(r.dataAsAt)}</td>
            <td class="num">${dateTime(r.generatedAt)}</td>
            <td>${fileLinks(r)}</td>
          </tr> `,
      )}
    </tbody>
  </table>`;
}

export function appendicesPage(o: {
  rows: AppendixRow[];
  choices: { reports: { value: string; label: string }[]; periods: { value: string; label: string }[] };
  filter: Filter;
  role: Role;
  run: PublishedRun | null;
}): Html {
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}" ${selected ? html` selected` : ''}>${label}</option>`;
  return html`<h1>Appendices</h1>
    <p class="lead">
      ${o.run ? html`From run ${o.run.runId}, published ${dateTime(o.run.publishedAt)}` : 'Nothing has been published yet'},
      with any appendices made on demand. Newest first.
      ${o.role === 'officer' ? ' Public variants only.' : ' Public and restricted variants.'}
    </p>
    <form class="filter" method="get" action="/">
      <div>
        <label for="report">Report</label
        ><select id="report" name="report">
          ${option('', 'All reports', !o.filter.report)}${o.choices.reports.map((c) => option(c.value, c.label, o.filter.report === c.value))}
        </select>
      </div>
      <div>
        <label for="period">Period</label
        ><select id="period" name="period">
          ${option('', 'All periods', !o.filter.period)}${o.choices.periods.map((c) => option(c.value, c.label, o.filter.period === c.value))}
        </select>
      </div>
      <div>
        <button class="primary" type="submit">Filter</button>
        ${o.filter.report || o.filter.period ? html`<a href="/">Clear</a>` : ''}
      </div>
    </form>
    ${appendixTable(o.rows, 'Appendices')}`;
}

export function historyPage(o: { runs: { run: PublishedRun; rows: AppendixRow[] }[] }): Html {
  return html`<h1>Earlier runs</h1>
    <p class="lead">
      Every published run still kept (older ones are pruned by retention), newest first. The current run is what
      officers see on the Appendices page.
    </p>
    ${o.runs.length === 0 ? html`<p class="empty">No runs have been published yet.</p>` : ''}
    ${o.runs.map(
      ({ run, rows }) =>
        html`<h2>Run ${run.runId} ${run.current ? html`<span class="tag current">Current</span>` : ''}</h2>
          <p class="lead">
            Published ${dateTime(run.publishedAt)}; ${rows.length} appendix
            ${rows.length === 1 ? 'file set' : 'file sets'}.
          </p>
          ${appendixTable(rows, `Run ${run.runId}`)}`,
    )}`;
}

export function statusPage(v: StatusView, problems: string[]): Html {
  const t = (iso: string | null | undefined) => formatTime(iso, v.timezone);
  const count = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString('en-GB'));
  return html`<h1>Run status</h1>
    <p class="lead">The same facts as <code>csp status</code>, as of ${t(v.generatedAt)} (${v.timezone}).</p>
    <div class="${v.ok ? 'ok' : 'problem'}" role="status"><strong>${v.headline}</strong></div>
    ${v.problems.slice(1).map((p) => html`<div class="problem">${p}</div>`)}
    ${problems.map((p) => html`<div class="problem">Portal: ${p}</div>`)}
    <h2>Now</h2>
    <dl class="facts">
      <dt>Published</dt>
      <dd>
        ${v.published ? `run ${v.published.runId}, ${t(v.published.publishedAt)}: ${v.published.files.length} appendix file(s)` : 'nothing yet'}
      </dd>
      <dt>Refreshed</dt>
      <dd>${v.refreshed ? 'yes, by the last run' : 'NO: the data is not from the last run'}</dd>
      <dt>Running now</dt>
      <dd>
        ${v.running ? `run ${v.running.runId} (pid ${v.running.pid} on ${v.running.hostname}), started ${t(v.running.startedAt)}${v.running.stage ? `, in ${v.running.stage}` : ''}` : 'no'}
      </dd>
    </dl>
    ${
      v.sources.length
        ? html`<h2>Sources</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Newest export</th>
                  <th scope="col">Age (days)</th>
                  <th scope="col">Limit (days)</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                ${v.sources.map(
                  (f) =>
                    html`<tr>
                      <td>${f.source}</td>
                      <td>${f.newestFileAt ? t(f.newestFileAt) : 'never loaded'}</td>
                      <td class="num">${f.ageDays === null ? '-' : f.ageDays.toLocaleString('en-GB')}</td>
                      <td class="num">${f.maxAgeDays}</td>
                      <td>${f.stale ? html`<span class="tag restricted">STALE</span>` : 'ok'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
        : ''
    }
    <h2>Recent runs</h2>
    ${
      v.recentRuns.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              ${v.recentRuns.map(
                (r) =>
                  html`<tr>
                    <td>${r.runId}</td>
                    <td class="num">${t(r.startedAt)}</td>
                    <td>${r.trigger ?? ''}</td>
                    <td>
                      ${
                        r.state === 'succeeded'
                          ? `${r.published ? 'published' : 'succeeded'}: ${count(r.read)} rows read, ${count(r.rejected)} rejected, ${count(r.testsPassed)} tests passed`
                          : r.state === 'running'
                            ? `running${r.stage ? ` (${r.stage})` : ''}`
                            : `${r.state.toUpperCase()} at ${r.stage ?? 'start'}: ${r.error ?? ''}`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="empty">No runs yet.</p>`
    }`;
}

export function messagePage(heading: string, text: string): Html {
  return html`<h1>${heading}</h1>
    <p>${text}</p>
    <p><a href="/">Back to the appendices</a></p>`;
}
