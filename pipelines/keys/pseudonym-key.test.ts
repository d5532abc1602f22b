import { createHmac } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/tmp.js';
import { parseConfig } from '../../core/config.js';
import { dataPaths } from '../../core/paths.js';
import { ensurePseudonymKey, pseudonym, pseudonymKeyFile, pseudonymKeyId, readPseudonymKey } from './pseudonym-key.js';

describe('the pseudonymisation key', () => {
  it('is made once, 32 random bytes in a file only its owner can read, and read back unchanged', () => {
    const file = path.join(tempDir('key'), 'secrets', 'pseudonym.key');
    const made = ensurePseudonymKey(file);
    expect(made.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toBe(`${made.toString('hex')}\n`);
    expect(ensurePseudonymKey(file).equals(made)).toBe(true); // a later run keeps it
    expect(ensurePseudonymKey(path.join(path.dirname(file), 'other.key')).equals(made)).toBe(false);
  });

  it('refuses a key others can read, or one that is not 64 hex digits, saying what to do', () => {
    const dir = tempDir('key-bad');
    const loose = path.join(dir, 'loose.key');
    writeFileSync(loose, `${'ab'.repeat(32)}\n`);
    chmodSync(loose, 0o644);
    expect(() => readPseudonymKey(loose)).toThrow(/can be read by other users .*chmod 600/);
    const short = path.join(dir, 'short.key');
    writeFileSync(short, 'abc\n', { mode: 0o600 });
    expect(() => readPseudonymKey(short)).toThrow(/is not 64 hexadecimal digits/);
    expect(() => readPseudonymKey(path.join(dir, 'none.key'))).toThrow(/does not exist: `csp run` makes one/);
  });

  it('makes keys as HMAC-SHA256 (RFC 4231 test case 2), and names a key without giving it away', () => {
    // RFC 4231 4.3: key "Jefe", data "what do ya want for nothing?".
    expect(pseudonym(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const key = Buffer.alloc(32, 7);
    expect(pseudonym(key, 'child:C100001')).toBe(createHmac('sha256', key).update('child:C100001').digest('hex'));
    expect(pseudonymKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(pseudonymKeyId(key)).not.toBe(pseudonymKeyId(Buffer.alloc(32, 8)));
  });

  it('lives under the data folder by default, as configured otherwise, and never where a run publishes', () => {
    const paths = dataPaths('/srv/csp/data');
    expect(pseudonymKeyFile(parseConfig({}), '/etc/csp', paths)).toBe('/srv/csp/data/secrets/pseudonym.key');
    expect(pseudonymKeyFile(parseConfig({ pseudonymisation: { keyFile: 'keys/csp.key' } }), '/etc/csp', paths)).toBe(
      '/etc/csp/keys/csp.key',
    );
    for (const keyFile of [
      '/srv/csp/data/published/k.key',
      '/srv/csp/data/current/k.key',
      '/srv/csp/data/appendices/k.key',
      '/srv/csp/data/warehouse.duckdb',
    ]) {
      expect(
        () => pseudonymKeyFile(parseConfig({ pseudonymisation: { keyFile } }), '/etc/csp', paths),
        keyFile,
      ).toThrow(/published or is the warehouse/);
    }
  });
});
