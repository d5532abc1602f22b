// Renders the case-management demo's shards (shards.ts) as CSV text, in shard order: on worker threads when the
// council has more than one shard and the compiled worker is there (one per core, at most two shards waiting
// each), otherwise in this thread. Each shard's text is the same either way: it depends only on the seed and the
// shard's index. CSP_DEMO_WORKERS=1 renders in this thread.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderShard, type ShardText } from './exports.js';
import { shardsOf } from './shards.js';
import { simulateShard, type SimulationOptions } from './simulate.js';

export interface ShardJob extends SimulationOptions {
  faultRate: number;
}

const workerFile = new URL('./shard-worker.js', import.meta.url);

export async function* renderedShards(job: ShardJob): AsyncGenerator<ShardText[]> {
  const shards = shardsOf(job.seed, job.scale);
  const threads = Math.min(shards.length, Number(process.env.CSP_DEMO_WORKERS) || os.availableParallelism());
  if (threads <= 1 || !existsSync(fileURLToPath(workerFile))) {
    for (const shard of shards) yield renderShard(simulateShard(job, shard), job.faultRate);
    return;
  }
  const workers = Array.from({ length: threads }, () => new Worker(workerFile, { workerData: job }));
  const idle = [...workers];
  const waiting: Array<() => void> = [];
  const run = async (index: number): Promise<ShardText[]> => {
    while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    const w = idle.pop()!;
    try {
      return await new Promise<ShardText[]>((resolve, reject) => {
        const onError = (e: Error) => reject(e);
        w.once('error', onError);
        w.once('message', (m: ShardText[]) => {
          w.off('error', onError);
          resolve(m);
        });
        w.postMessage(index);
      });
    } finally {
      idle.push(w);
      waiting.shift()?.();
    }
  };
  try {
    // Keep every worker busy plus one shard ahead, and hand the shards on in order.
    const pending: Promise<ShardText[]>[] = [];
    let next = 0;
    const fill = () => {
      while (next < shards.length && pending.length < threads + 1) pending.push(run(next++));
    };
    fill();
    while (pending.length > 0) {
      const done = await pending.shift()!;
      fill();
      yield done;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
