// Signed-in sessions, kept in memory: the cookie holds only a random id, so nothing about the user can be read
// or forged from it, and restarting the portal signs everyone out.
import { randomBytes } from 'node:crypto';
import type { Role } from './users.js';

export interface Session {
  id: string;
  username: string;
  role: Role;
  /** The user's credentialStamp when they signed in: a changed password or role ends the session. */
  credential: string;
  createdAt: number;
  expiresAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(username: string, role: Role, credential = ''): Session {
    this.sweep();
    const at = this.now();
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      username,
      role,
      credential,
      createdAt: at,
      expiresAt: at + this.lifetimeMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for a cookie value, or null when unknown or expired. */
  get(id: string | undefined): Session | null {
    if (!id) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return s;
  }

  destroy(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Sign a user out everywhere (after their password or role changes, or they are removed). */
  destroyUser(username: string): void {
    for (const [id, s] of this.sessions) if (s.username === username) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const at = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= at) this.sessions.delete(id);
  }
}
