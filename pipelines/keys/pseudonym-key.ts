// The installation's pseudonymisation key: the secret every child, worker and record key in the marts is an
// HMAC-SHA256 of (sql/macros/pseudonym_key.sql). Without it a key cannot be turned back into a system ID, however
// guessable the IDs are. It is made once, at the first run, kept outside the warehouse (never published) with
// mode 0600, and read by dbt through the csp_pseudonym plugin (sql/plugins/), never written into SQL or logs.
import { createHmac, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/logger.js';
import { fsyncDir } from '../../core/atomic.js';
import type { DataPaths } from '../../core/paths.js';

/** dbt's plugin reads the key file named here (a path, so the secret itself is in no process's environment). */
export const PSEUDONYM_KEY_ENV = 'CSP_PSEUDONYM_KEY_FILE';
const KEY_BYTES = 32;

export class PseudonymKeyError extends Error {}

const inside = (dir: string, file: string): boolean => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The key file: `pseudonymisation.keyFile` (relative to the config file), else $CSP_DATA_DIR/secrets/pseudonym.key.
 * Never anywhere a run publishes, nor the warehouse itself.
 */
export function pseudonymKeyFile(config: Config, configBase: string, paths: DataPaths): string {
  const file = config.pseudonymisation.keyFile
    ? path.resolve(configBase, config.pseudonymisation.keyFile)
    : path.join(paths.root, 'secrets', 'pseudonym.key');
  const published = [paths.published, paths.current, paths.appendices, paths.warehouse, paths.workWarehouse].find((p) =>
    inside(p, file),
  );
  if (published)
    throw new PseudonymKeyError(
      `pseudonymisation.keyFile ${file} is inside ${published}, which is published or is the warehouse: keep the key elsewhere (the default is ${path.join(paths.root, 'secrets', 'pseudonym.key')}).`,
    );
  return file;
}

/** The key in a file: 64 hex digits (32 random bytes) on one line. */
export function readPseudonymKey(file: string): Buffer {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile())
    throw new PseudonymKeyError(
      `pseudonymisation key ${file} does not exist: \`csp run\` makes one at its first run (or restore the installation's key from its backup).`,
    );
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    throw new PseudonymKeyError(
      `pseudonymisation key ${file} can be read by other users (mode ${(st.mode & 0o777).toString(8)}): make it the service account's alone with \`chmod 600 ${file}\`, then run again.`,
    );
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text))
    throw new PseudonymKeyError(
      `pseudonymisation key ${file} is not 64 hexadecimal digits: restore it from its backup, or delete it to make a new one (every key in the warehouse changes; see README "Pseudonymous keys").`,
    );
  return Buffer.from(text, 'hex');
}

/**
 * The key in `file`, made first when there is none. A new key is written under a temporary name and hard-linked
 * into place, so two runs starting at once cannot end up with different keys (the second one reads the first's).
 */
export function ensurePseudonymKey(file: string, log?: Logger): Buffer {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, `${randomBytes(KEY_BYTES).toString('hex')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, file);
      fsyncDir(path.dirname(file));
      log?.warn(
        { keyFile: file },
        `pseudonymisation key made at ${file}: back it up with the server's other secrets (without it the keys of later runs will not match earlier ones)`,
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return readPseudonymKey(file);
}

/** What dbt's macro computes, in Node: HMAC-SHA256 of the message (e.g. 'child:C100001'), in hex. */
export const pseudonym = (key: Buffer, message: string): string =>
  createHmac('sha256', key).update(message, 'utf8').digest('hex');

/** Names a key without revealing it (for the run fingerprint: a new key means every mart must be rebuilt). */
export const pseudonymKeyId = (key: Buffer): string => pseudonym(key, 'csp pseudonymisation key id').slice(0, 16);
