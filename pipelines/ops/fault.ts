// Test-only fault injection. With CSP_FAULT_PAUSE=<point> a run stops at that point, drops a marker file
// ($CSP_DATA_DIR/.paused-<point>, holding its pid) and waits for ever, so a test can SIGKILL it exactly there.
// Unset (always, outside the fault-injection tests) every call here is a no-op.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export type FaultPoint = 'extract' | 'transform' | 'report' | 'publish';

const requested = (point: FaultPoint): boolean => process.env.CSP_FAULT_PAUSE === point;

export const faultMarker = (dataRoot: string, point: FaultPoint): string => path.join(dataRoot, `.paused-${point}`);

/** Drop the marker without stopping (for points inside work that carries on, such as a running dbt). */
export function markFault(dataRoot: string, point: FaultPoint): void {
  if (requested(point)) writeFileSync(faultMarker(dataRoot, point), `${process.pid}\n`);
}

/** Drop the marker and never return. */
export async function faultPause(dataRoot: string, point: FaultPoint): Promise<void> {
  if (!requested(point)) return;
  markFault(dataRoot, point);
  await new Promise<never>(() => {
    setInterval(() => undefined, 60_000); // keeps the event loop (and so the process) alive until it is killed
  });
}
