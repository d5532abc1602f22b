// The warehouse's pseudonymous keys, recomputed in a test from the key file its build used: HMAC-SHA256 written
// out from RFC 2104 with pads made here, so a test's join does not lean on the macro it checks.
import { readPseudonymKey } from '../../pipelines/keys/pseudonym-key.js';
import type { Warehouse } from '../../core/warehouse.js';

const pad = (key: Buffer, byte: number): string => {
  const block = Buffer.alloc(64);
  key.copy(block);
  return Buffer.from(block.map((b) => b ^ byte)).toString('hex');
};

/** Gives `db`'s session the key and returns SQL for the key of a message, e.g. keyed("'child:' || child_id"). */
export async function keyedSql(db: Warehouse, keyFile: string): Promise<(message: string) => string> {
  const key = readPseudonymKey(keyFile);
  await db.run(`SET VARIABLE test_key_ipad = unhex('${pad(key, 0x36)}')`);
  await db.run(`SET VARIABLE test_key_opad = unhex('${pad(key, 0x5c)}')`);
  return (message) =>
    `sha256(getvariable('test_key_opad') || unhex(sha256(getvariable('test_key_ipad') || encode(${message}))))`;
}
