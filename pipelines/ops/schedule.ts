// `csp schedule`: a long-running process that starts `csp run` at the configured time (node-cron, in the
// council's timezone, so 03:15 stays 03:15 across the clock changes). Each run is its own process, exactly
// as from cron or a systemd timer: a crash cannot take the scheduler down, and the run lock still stops two
// runs overlapping whoever starts them. node-cron's noOverlap skips a tick while the previous run goes on.
import { spawn, type ChildProcess } from 'node:child_process';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../../core/logger.js';

export class ScheduleError extends Error {}

export function validateSchedule(expression: string, timezone: string): void {
  const check = cron.validateDetailed(expression);
  if (!check.valid) {
    throw new ScheduleError(
      `schedule.cron '${expression}' is not a valid cron expression (${check.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}). Use five fields, e.g. '15 3 * * *' for 03:15 every day.`,
    );
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone });
  } catch {
    throw new ScheduleError(
      `schedule.timezone '${timezone}' is not a known timezone: use an IANA name such as Europe/London.`,
    );
  }
}

export function nextRuns(expression: string, timezone: string, count: number): Date[] {
  validateSchedule(expression, timezone);
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

/** The gap between two scheduled runs (to tell when a run is overdue), or null if the schedule is not valid. */
export function scheduleInterval(expression: string, timezone: string): number | null {
  try {
    const [a, b] = nextRuns(expression, timezone, 2);
    return a && b ? b.getTime() - a.getTime() : null;
  } catch {
    return null;
  }
}

export function describeTime(d: Date, timezone: string): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(d)}`;
}

export interface Scheduler {
  task: ScheduledTask;
  nextRun(): Date | null;
  /** Stop scheduling; resolves when a run in progress (if any) has ended. */
  stop(): Promise<void>;
}

/** `run` starts one pipeline run and resolves with its exit code. */
export function startScheduler(opts: {
  cron: string;
  timezone: string;
  log: Logger;
  run: () => Promise<number>;
}): Scheduler {
  validateSchedule(opts.cron, opts.timezone);
  const { log } = opts;
  let inFlight: Promise<number> | null = null;
  const cronLog = {
    info: (m: string) => log.debug({ cron: m }, 'node-cron'),
    warn: (m: string) => log.warn(`schedule: ${m}`),
    error: (m: string | Error) => log.error(`schedule: ${m instanceof Error ? m.message : m}`),
    debug: (m: string | Error) => log.debug({ cron: String(m) }, 'node-cron'),
  };
  const task = cron.createTask(
    opts.cron,
    async () => {
      log.info({ cron: opts.cron }, 'schedule: starting `csp run`');
      inFlight = opts.run();
      try {
        const code = await inFlight;
        const what =
          code === 0
            ? 'succeeded'
            : code === 75
              ? 'did not start: another run was in progress'
              : `failed (exit ${code}); \`csp status\` says why`;
        (code === 0 ? log.info.bind(log) : log.warn.bind(log))({ code }, `schedule: the run ${what}. ${nextText()}`);
      } finally {
        inFlight = null;
      }
    },
    { timezone: opts.timezone, noOverlap: true, name: 'csp-nightly-run', logger: cronLog },
  );
  const nextRun = () => task.getNextRun() ?? task.getNextRuns(1)[0] ?? null;
  const nextText = () => {
    const next = nextRun();
    return next ? `Next run: ${describeTime(next, opts.timezone)}.` : 'No further runs are scheduled.';
  };
  task.on('execution:overlap', () =>
    log.warn(`schedule: the previous run is still going, so this one was skipped. ${nextText()}`),
  );
  void task.start();
  const next = nextRun();
  log.info(
    { cron: opts.cron, timezone: opts.timezone, nextRun: next?.toISOString() },
    `schedule: running \`csp run\` on '${opts.cron}' (${opts.timezone}). ${nextText()}`,
  );
  return {
    task,
    nextRun,
    stop: async () => {
      await task.stop();
      await task.destroy();
      if (inFlight) await inFlight;
    },
  };
}

/** Starts `csp run` as its own process, as cron or a systemd timer would, marked as started by the schedule. */
export function spawnCspRun(args: string[]): { child: ChildProcess; exit: Promise<number> } {
  const child = spawn(process.execPath, [process.argv[1]!, ...args], {
    stdio: 'inherit',
    env: { ...process.env, CSP_TRIGGER: 'schedule' },
  });
  const exit = new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return { child, exit };
}
