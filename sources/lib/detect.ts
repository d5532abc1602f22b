// Which contract does a file follow? Decided by its header row (content), never by its file name alone.
// A statutory return's file (contract.exactHeaders) must have exactly its columns: the DfE names every one, and a
// near miss (a DoLo file beside OC2, a table of another year) is "not recognised", never landed as a look-alike.
import { matchHeaders, type Contract, type HeaderMatch } from '../../sources/lib/contract.js';

export type Detection = { ok: true; contract: Contract; match: HeaderMatch } | { ok: false; reason: string };

const fits = (c: Contract, m: HeaderMatch): boolean =>
  m.missingRequired.length === 0 &&
  (!c.exactHeaders || (m.missingOptional.length === 0 && m.unknownHeaders.length === 0));

/** The columns a header differs from an exact contract by, in words. */
function differences(m: HeaderMatch): string {
  const missing = [...m.missingRequired, ...m.missingOptional].map((f) => f.header);
  return [
    missing.length ? `lacks ${missing.join(', ')}` : '',
    m.unknownHeaders.length ? `has ${m.unknownHeaders.join(', ')} besides` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

export function detectContract(file: string, headers: readonly string[], contracts: readonly Contract[]): Detection {
  const scored = contracts.map((contract) => ({ contract, match: matchHeaders(contract, headers) }));
  // A contract the header fits wins (an exact return table first, then the one matching most columns); otherwise
  // the file is named after the contract it most resembles, so the message says what differs.
  const complete = scored
    .filter((s) => fits(s.contract, s.match))
    .sort(
      (a, b) =>
        Number(!!b.contract.exactHeaders) - Number(!!a.contract.exactHeaders) ||
        b.match.columns.size - a.match.columns.size,
    );
  if (complete[0]) return { ok: true, ...complete[0] };
  const best = scored.sort(
    (a, b) =>
      b.match.columns.size - a.match.columns.size ||
      a.match.missingRequired.length - b.match.missingRequired.length ||
      a.match.unknownHeaders.length - b.match.unknownHeaders.length,
  )[0];
  if (!best || best.match.columns.size === 0) {
    return {
      ok: false,
      reason: `${file}: its header row (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', ...' : ''}) matches no known export. Expected one of: ${contracts.map((c) => c.title).join(', ')} (see sources/*/*/SPEC.md), or add a header mapping.`,
    };
  }
  if (best.contract.exactHeaders) {
    return {
      ok: false,
      reason: `${file} is not recognised: its header is nearest the ${best.contract.title} file but ${differences(best.match)}. A return's file must have exactly the DfE's columns (see its SPEC.md): export it again from the return, or map the council's header.`,
    };
  }
  return {
    ok: false,
    reason: `${file}: looks like a ${best.contract.title} export but has no column for ${best.match.missingRequired.map((f) => `'${f.header}'`).join(', ')}. Add the column to the export, or map the council's header to it.`,
  };
}
