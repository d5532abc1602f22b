// Retries with exponential backoff, for failures that go away on their own: a file another program has
// locked for a moment (an analyst's DuckDB session on the working database), a busy disk or share.
// Everything else (bad data, a failed dbt test) fails at once: retrying would only delay the message.

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  isTransient?: (e: unknown) => boolean;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

const TRANSIENT_CODES = new Set(['EBUSY', 'EAGAIN', 'ETXTBSY', 'EMFILE', 'ENFILE', 'ENOLCK', 'EINTR', 'ETIMEDOUT']);
const TRANSIENT_MESSAGES = [
  /could not set lock on file/i,
  /conflicting lock is held/i,
  /database is locked/i,
  /resource temporarily unavailable/i,
  /device or resource busy/i,
  /text file busy/i,
  /too many open files/i,
];

export function isTransientError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  const message = e instanceof Error ? e.message : String(e);
  return TRANSIENT_MESSAGES.some((re) => re.test(message));
}

export const backoffDelay = (baseDelayMs: number, attempt: number): number => baseDelayMs * 2 ** (attempt - 1);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(work: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const isTransient = opts.isTransient ?? isTransientError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (e) {
      if (attempt >= opts.attempts || !isTransient(e)) throw e;
      const delay = backoffDelay(opts.baseDelayMs, attempt);
      opts.onRetry?.(e, attempt, delay);
      await sleep(delay);
    }
  }
}
