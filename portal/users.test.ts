import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/tmp.js';
import { verifyPassword } from './passwords.js';
import { addUser, findUser, readUsers, removeUser, UsersFileError } from './users.js';

describe('users file', () => {
  it('adds, updates and removes users, keeping only scrypt hashes in a file only the owner can read', async () => {
    const file = path.join(tempDir('portal-users'), 'users.json');
    expect(readUsers(file)).toEqual([]);
    expect((await addUser(file, { username: 'J.Smith', role: 'officer', password: 'first password 1' })).created).toBe(
      true,
    );
    await addUser(file, { username: 'perf', role: 'performance', password: 'second password 2' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const users = readUsers(file);
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['j.smith', 'officer'],
      ['perf', 'performance'],
    ]);
    expect(await verifyPassword('first password 1', findUser(users, 'J.SMITH')!.passwordHash)).toBe(true);
    // Adding again changes role and password but keeps the creation date.
    const again = await addUser(file, { username: 'j.smith', role: 'performance', password: 'a new password 3' });
    expect(again.created).toBe(false);
    expect(again.user.createdAt).toBe(users[0]!.createdAt);
    const after = findUser(readUsers(file), 'j.smith')!;
    expect(after.role).toBe('performance');
    expect(await verifyPassword('first password 1', after.passwordHash)).toBe(false);
    expect(removeUser(file, 'J.Smith')).toBe(true);
    expect(removeUser(file, 'j.smith')).toBe(false);
    expect(readUsers(file).map((u) => u.username)).toEqual(['perf']);
  });

  it('refuses short passwords and odd usernames, saying why', async () => {
    const file = path.join(tempDir('portal-users'), 'users.json');
    await expect(addUser(file, { username: 'ok', role: 'officer', password: 'short' })).rejects.toThrow(
      /at least 12 characters/,
    );
    await expect(
      addUser(file, { username: '../etc', role: 'officer', password: 'long enough password' }),
    ).rejects.toThrow(/username is 1 to 64/);
    expect(readUsers(file)).toEqual([]);
  });

  it('names the file and the bad field when the users file is broken', () => {
    const dir = tempDir('portal-users');
    const file = path.join(dir, 'users.json');
    writeFileSync(file, '{"users":[{"username":"a","role":"admin","passwordHash":"","createdAt":"x"}]}');
    expect(() => readUsers(file)).toThrow(UsersFileError);
    expect(() => readUsers(file)).toThrow(
      new RegExp(`${file.replace(/[/.]/g, '\\$&')} is not valid:\\n  - users.0.role`),
    );
    writeFileSync(file, 'nope');
    expect(() => readUsers(file)).toThrow(/is not valid JSON/);
  });
});
