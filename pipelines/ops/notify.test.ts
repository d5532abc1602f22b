import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { runNotify, shouldNotify } from './notify.js';

describe('notify', () => {
  it('runs only when configured, on problems unless told "always"', () => {
    const base = { on: 'problems' as const, timeoutSeconds: 60 };
    expect(shouldNotify({ ...base }, { failed: true, stale: false })).toBe(false);
    expect(shouldNotify({ ...base, command: 'true' }, { failed: false, stale: false })).toBe(false);
    expect(shouldNotify({ ...base, command: 'true' }, { failed: true, stale: false })).toBe(true);
    expect(shouldNotify({ ...base, command: 'true' }, { failed: false, stale: true })).toBe(true);
    expect(shouldNotify({ ...base, command: 'true' }, { failed: false, stale: false, held: true })).toBe(true); // an export held back
    expect(shouldNotify({ ...base, command: 'true' }, { failed: false, stale: false, held: false })).toBe(false);
    expect(shouldNotify({ ...base, on: 'always', command: 'true' }, { failed: false, stale: false })).toBe(true);
  });

  it('hands the summary to the command on stdin and in the environment, never on its command line', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'csp-notify-')), 'sent.txt');
    const summary = "csp run failed at extract: contacts.csv: 'Contact Date' missing; $(touch /tmp/pwned)";
    const ok = await runNotify(
      {
        command: `cat > '${out}'; printf '%s|%s\\n' "$CSP_RUN_STATUS" "$CSP_SUMMARY" >> '${out}'`,
        on: 'problems',
        timeoutSeconds: 30,
      },
      summary,
      { CSP_RUN_STATUS: 'failed' },
      silentLogger(),
    );
    expect(ok).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(`${summary}\nfailed|${summary}\n`);
  });

  it('reports a failing notify command without throwing', async () => {
    expect(
      await runNotify(
        { command: 'echo cannot reach the mail server >&2; exit 3', on: 'always', timeoutSeconds: 30 },
        'summary',
        {},
        silentLogger(),
      ),
    ).toBe(false);
  });
});
