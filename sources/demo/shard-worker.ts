// Worker thread for shard-pool.ts: simulates the shard it is sent and posts back its rows as CSV text.
import { parentPort, workerData } from 'node:worker_threads';
import { WorkingCalendar } from '../../core/calendar/working-days.js';
import { renderShard } from './exports.js';
import type { ShardJob } from './shard-pool.js';
import { shardsOf } from './shards.js';
import { simulateShard } from './simulate.js';

const job = workerData as ShardJob;
const shards = shardsOf(job.seed, job.scale);
const calendar = WorkingCalendar.englandAndWales();
parentPort!.on('message', (index: number) =>
  parentPort!.postMessage(renderShard(simulateShard(job, shards[index]!, calendar), job.faultRate)),
);
