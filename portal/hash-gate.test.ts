import { describe, expect, it } from 'vitest';
import { GateFullError, HashGate } from './hash-gate.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('HashGate', () => {
  it('runs at most `concurrent` at once, queues `queued` more, and refuses the rest at once', async () => {
    const gate = new HashGate(2, 1);
    let running = 0;
    let most = 0;
    const blockers = Array.from({ length: 3 }, deferred);
    const work = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await blockers[i]!.promise;
      running--;
      return i;
    };
    const results = [0, 1, 2].map((i) => gate.run(work(i)));
    expect(gate.load).toEqual({ active: 2, waiting: 1 });
    await expect(gate.run(async () => 99)).rejects.toBeInstanceOf(GateFullError);
    blockers[0]!.resolve();
    expect(await results[0]).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(gate.load).toEqual({ active: 2, waiting: 0 }); // the queued one took the free slot
    blockers[1]!.resolve();
    blockers[2]!.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2]);
    expect(most).toBe(2);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });

  it('frees its slot when the work fails', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 1)).toBe(1);
  });
});
