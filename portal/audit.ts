// The portal's audit log: one JSON line per download, view, refusal and sign-in event (who, what, when, from where).
// Appended synchronously so a line is on disk before the file is sent.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** `head`: a HEAD request for a file (its headers, not its bytes); `sign-in-busy`: refused while too many sign-ins were being checked. */
export type AuditEvent =
  | 'download'
  | 'view'
  | 'head'
  | 'denied'
  | 'missing'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-rate-limited'
  | 'sign-in-busy'
  | 'sign-out';

export interface AuditRecord {
  at: string;
  event: AuditEvent;
  /** The signed-in user, or the name typed at a failed sign-in. */
  user: string | null;
  role?: string;
  ip: string;
  userAgent?: string;
  file?: string;
  runId?: string;
  variant?: string;
  reason?: string;
}

export type Audit = (r: Omit<AuditRecord, 'at'>) => void;

/** Names typed by strangers go into the log: keep them short and on one line. */
const clean = (s: string | null | undefined, max: number): string | null | undefined =>
  // eslint-disable-next-line no-control-regex -- control characters are what this takes out
  s == null ? s : s.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, max);

export function auditLog(file: string, now: () => Date = () => new Date()): Audit {
  mkdirSync(path.dirname(file), { recursive: true });
  return (r) => {
    const record: AuditRecord = {
      at: now().toISOString(),
      ...r,
      user: clean(r.user, 128) ?? null,
      userAgent: clean(r.userAgent, 256) ?? undefined,
    };
    appendFileSync(file, JSON.stringify(record) + '\n', { mode: 0o640 });
  };
}
