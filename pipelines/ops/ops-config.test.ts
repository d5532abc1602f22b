import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config.js';

describe('ops settings', () => {
  it('have defaults: keep 7 runs, 2-day freshness, notify on problems (when a command is set), 3 tries from 500 ms', () => {
    expect(parseConfig({}).ops).toEqual({
      retention: { keep: 7 },
      freshness: { maxAgeDays: 2, perSource: {} },
      notify: { on: 'problems', timeoutSeconds: 60 },
      retry: { attempts: 3, baseDelayMs: 500 },
    });
  });

  it('name a wrong setting', () => {
    expect(() => parseConfig({ ops: { retention: { keep: 0 } } })).toThrow(/ops\.retention\.keep: Too small/);
    expect(() => parseConfig({ ops: { notify: { on: 'sometimes' } } })).toThrow(/ops\.notify\.on: /);
    expect(() => parseConfig({ ops: { freshness: { maxAgeDay: 3 } } })).toThrow(
      /ops\.freshness: Unrecognized key: "maxAgeDay"/,
    );
    expect(parseConfig({ ops: { freshness: { perSource: { 'complaints.complaints': 8 } } } }).ops.freshness).toEqual({
      maxAgeDays: 2,
      perSource: { 'complaints.complaints': 8 },
    });
  });
});
