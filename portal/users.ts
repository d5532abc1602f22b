// The portal's users file: who may sign in and with which role. Written atomically; only password hashes are kept.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeJsonAtomic } from '../core/atomic.js';
import { hashPassword, passwordProblem } from './passwords.js';

export const ROLES = ['officer', 'performance'] as const;
export type Role = (typeof ROLES)[number];

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

const UserSchema = z.object({
  username: z.string().regex(USERNAME),
  role: z.enum(ROLES),
  /** Empty for a user who only signs in through the trusted reverse proxy. */
  passwordHash: z.string(),
  createdAt: z.string(),
});
const UsersFileSchema = z.object({ users: z.array(UserSchema) });

export type User = z.infer<typeof UserSchema>;

export class UsersFileError extends Error {}

/** Usernames are compared in lower case, so "J.Smith" and "j.smith" are one user. */
export const normaliseUsername = (name: string): string => name.trim().toLowerCase();

export function usernameProblem(name: string): string | null {
  return USERNAME.test(normaliseUsername(name))
    ? null
    : 'a username is 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit';
}

export function readUsers(file: string): User[] {
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsersFileError(
      `users file ${file} is not valid JSON (${(e as Error).message}): fix it or recreate it with \`csp user add\`.`,
    );
  }
  const parsed = UsersFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new UsersFileError(
      `users file ${file} is not valid:\n${lines.join('\n')}\nFix it or recreate it with \`csp user add\`.`,
    );
  }
  return parsed.data.users;
}

export const findUser = (users: User[], name: string): User | undefined =>
  users.find((u) => u.username === normaliseUsername(name));

/**
 * Changes whenever the user's password or role does (`csp user add` on an existing name hashes with a new salt):
 * a session remembers the stamp it was signed in with, and the portal ends it when the users file no longer matches.
 */
export const credentialStamp = (user: User): string =>
  createHash('sha256').update(`${user.role}\0${user.passwordHash}`).digest('base64url');

function writeUsers(file: string, users: User[]): void {
  writeJsonAtomic(file, { users: [...users].sort((a, b) => a.username.localeCompare(b.username)) });
  chmodSync(file, 0o600); // password hashes: readable by the service account only
}

/** Add a user, or replace the role and password of an existing one. Returns whether the user was new. */
export async function addUser(
  file: string,
  o: { username: string; role: Role; password: string | null; now?: Date },
): Promise<{ created: boolean; user: User }> {
  const username = normaliseUsername(o.username);
  const nameProblem = usernameProblem(username);
  if (nameProblem) throw new Error(`'${o.username}': ${nameProblem}.`);
  if (o.password !== null) {
    const problem = passwordProblem(o.password);
    if (problem) throw new Error(`${problem}; choose a longer one.`);
  }
  const users = readUsers(file);
  const existing = findUser(users, username);
  const user: User = {
    username,
    role: o.role,
    passwordHash: o.password === null ? '' : await hashPassword(o.password),
    createdAt: existing?.createdAt ?? (o.now ?? new Date()).toISOString(),
  };
  writeUsers(file, [...users.filter((u) => u.username !== username), user]);
  return { created: !existing, user };
}

export function removeUser(file: string, name: string): boolean {
  const users = readUsers(file);
  const kept = users.filter((u) => u.username !== normaliseUsername(name));
  if (kept.length === users.length) return false;
  writeUsers(file, kept);
  return true;
}
