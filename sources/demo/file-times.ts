// When the demo exports were "taken": 07:00 the morning after the period ends. File times say so, and the
// pipeline reports them as "data as at". Same rule as demoAsAt in write-demo.ts, kept here so writers that
// write-demo.ts calls need not import it back (write-demo.ts can import this one instead of its own copy).
import { utimesSync } from 'node:fs';
import { addDays, type IsoDate } from '../../core/calendar/dates.js';

export const demoAsAt = (to: IsoDate): Date => new Date(`${addDays(to, 1)}T07:00:00Z`);

export function stampDataAsAt(file: string, to: IsoDate): void {
  const asAt = demoAsAt(to);
  utimesSync(file, asAt, asAt);
}
