import { describe, expect, it } from 'vitest';
import { SessionStore } from './sessions.js';

describe('sessions', () => {
  it('end after their lifetime, on sign-out, and for every session of a removed user', () => {
    let now = 1_000_000;
    const store = new SessionStore(60_000, () => now);
    const a = store.create('ann', 'officer');
    const b = store.create('bob', 'performance');
    const a2 = store.create('ann', 'officer');
    expect(a.id).not.toBe(a2.id);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(store.get(a.id)?.username).toBe('ann');
    expect(store.get('made-up')).toBeNull();
    expect(store.get(undefined)).toBeNull();
    store.destroyUser('ann');
    expect(store.get(a.id)).toBeNull();
    expect(store.get(a2.id)).toBeNull();
    now += 59_999;
    expect(store.get(b.id)?.role).toBe('performance');
    now += 1;
    expect(store.get(b.id)).toBeNull();
    const c = store.create('cat', 'officer');
    store.destroy(c.id);
    expect(store.get(c.id)).toBeNull();
    expect(store.size).toBe(0);
  });
});
