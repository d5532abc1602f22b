// A large demo council is simulated as independent shards, each about the size of Dudley (scale 1 or less), one
// after another, so memory stays that of one shard whatever --scale. Shard 0 uses the seed itself and numbers its
// records exactly as an unsharded council does (a scale-1 demo is the same files as before sharding); every other
// shard has a seed derived from the seed and its index, and puts its index after each ID's prefix
// (C100042 -> C7100042, REF000042 -> REF7000042), so IDs never collide between shards.

export interface Shard {
  index: number;
  count: number;
  /** The shard's own seed: every random stream of the shard derives from it as an unsharded demo's does from --seed. */
  seed: number;
  /** The shard's share of the council: scale / count (1 for a whole-number --scale). */
  scale: number;
  /** Inserted after each ID's prefix: '' for shard 0, the shard's index otherwise. */
  tag: string;
}

/** A shard of scale 1 or less: a whole-number --scale N is N Dudley-sized shards; --scale 1 or less is one. */
export function shardsOf(seed: number, scale: number): Shard[] {
  const count = Math.max(1, Math.ceil(scale));
  return Array.from({ length: count }, (_, index) => ({
    index,
    count,
    seed: shardSeed(seed, index),
    scale: scale / count,
    tag: index === 0 ? '' : String(index),
  }));
}

/** Shard 0 keeps the seed; the others get a well-mixed 32-bit seed of their own (murmur3's finaliser). */
export function shardSeed(seed: number, index: number): number {
  if (index === 0) return seed;
  let h = (seed ^ Math.imul(index, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A record ID: prefix, the shard's tag, then the number zero-padded to `width` (REF + 7 + 000042). */
export const serial = (prefix: string, tag: string, n: number, width: number): string =>
  `${prefix}${tag}${String(n).padStart(width, '0')}`;
