// Structured logs: readable lines on a terminal, JSON lines otherwise, and always JSON lines in the run's log file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export function createLogger(opts: { logFile?: string; level?: string } = {}): Logger {
  const level = opts.level ?? process.env.CSP_LOG_LEVEL ?? 'info';
  const console = process.stdout.isTTY
    ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true })
    : pino.destination({ fd: 1, sync: true });
  const streams: pino.StreamEntry[] = [{ level: level as pino.Level, stream: console }];
  if (opts.logFile) {
    mkdirSync(path.dirname(opts.logFile), { recursive: true });
    streams.push({ level: 'debug', stream: pino.destination({ dest: opts.logFile, sync: true, mkdir: true }) });
  }
  return pino({ level: 'debug', base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.multistream(streams));
}

/** A silent logger for library callers and tests that do not care about logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
