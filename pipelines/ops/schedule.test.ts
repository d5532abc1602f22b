import { describe, expect, it } from 'vitest';
import { describeTime, nextRuns, scheduleInterval, validateSchedule } from './schedule.js';

const londonClock = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

describe('schedule', () => {
  it('runs at 03:15 London time every night, whatever the clocks are doing', () => {
    const runs = nextRuns('15 3 * * *', 'Europe/London', 3);
    expect(runs).toHaveLength(3);
    for (const r of runs) expect(londonClock(r)).toBe('03:15');
    expect(runs[0]!.getTime()).toBeGreaterThan(Date.now());
    expect(runs[0]!.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
    expect(describeTime(runs[0]!, 'Europe/London')).toMatch(/03:15:00 (GMT|BST)$/);
  });

  it('knows the gap between runs (to tell when one is overdue)', () => {
    expect(scheduleInterval('0 * * * *', 'Europe/London')).toBe(3_600_000);
    expect(scheduleInterval('not a schedule', 'Europe/London')).toBeNull();
  });

  it('names a wrong cron expression or timezone and says what to write', () => {
    expect(() => validateSchedule('75 3 * * *', 'Europe/London')).toThrow(
      /schedule.cron '75 3 \* \* \*' is not a valid cron expression \(minute: .*\)\. Use five fields, e\.g\. '15 3 \* \* \*'/,
    );
    expect(() => validateSchedule('15 3 * * *', 'Europe/Londres')).toThrow(
      /schedule.timezone 'Europe\/Londres' is not a known timezone/,
    );
  });
});
