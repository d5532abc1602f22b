// Which contract does a file follow? Decided by its header row (content), never by its file name alone.
import { matchHeaders, type Contract, type HeaderMatch } from '../../sources/lib/contract.js';

export type Detection =
  | { ok: true; contract: Contract; match: HeaderMatch }
  | { ok: false; reason: string };

export function detectContract(file: string, headers: readonly string[], contracts: readonly Contract[]): Detection {
  const scored = contracts.map((contract) => ({ contract, match: matchHeaders(contract, headers) }));
  // A contract whose required columns are all present wins (the one matching most columns, if several);
  // otherwise the file is named after the contract it most resembles, so the message says what is missing.
  const complete = scored.filter((s) => s.match.missingRequired.length === 0).sort((a, b) => b.match.columns.size - a.match.columns.size);
  if (complete[0]) return { ok: true, ...complete[0] };
  const best = scored.sort((a, b) => b.match.columns.size - a.match.columns.size || a.match.missingRequired.length - b.match.missingRequired.length)[0];
  if (!best || best.match.columns.size === 0) {
    return {
      ok: false,
      reason: `${file}: its header row (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', ...' : ''}) matches no known export. Expected one of: ${contracts.map((c) => c.title).join(', ')} (see sources/*/*/SPEC.md), or add a header mapping.`,
    };
  }
  return {
    ok: false,
    reason: `${file}: looks like a ${best.contract.title} export but has no column for ${best.match.missingRequired.map((f) => `'${f.header}'`).join(', ')}. Add the column to the export, or map the council's header to it.`,
  };
}
