// One folder per `vitest run` for end-to-end runs several test files share (test/helpers/demo-runs.ts), so the
// expensive pipeline run is made once per test run, by whichever file asks first.
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRunsDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-shared-runs-'));
  project.provide('sharedRunsDir', dir);
  // Kept when a run was made in it (to look at, like every other e2e folder); removed when nothing used it.
  return () => {
    try {
      rmdirSync(dir);
    } catch {
      // not empty
    }
  };
}
