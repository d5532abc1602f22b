// One folder per `vitest run` for end-to-end runs several test files share (test/helpers/demo-runs.ts), so the
// expensive pipeline run is made once per test run, by whichever file asks first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRunsDir: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('sharedRunsDir', mkdtempSync(path.join(tmpdir(), 'csp-shared-runs-')));
}
