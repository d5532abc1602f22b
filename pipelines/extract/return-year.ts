// Which collection year a return is, read from its content, so its rows are checked against that year's codes:
// the CIN census says so in its header (ReferenceDate); the SSDA903 set does not, so its year is the one its
// latest event date (an episode, review, missing, adoption, social worker or DoLo date up to today) falls in,
// unless the council names it in the config (returns.ssda903.collectionYear).
import { readCsv } from '../../sources/lib/csv-reader.js';
import { collectionYearOf, type CollectionYear } from '../../core/calendar/collection-year.js';
import type { Contract } from '../../sources/lib/contract.js';
import { detectReturnXml, isXml } from '../../sources/lib/return-xml.js';
import { parseDateTime } from '../../sources/lib/values.js';
import { readXmlRecords, type XmlNode } from '../../sources/lib/xml-reader.js';
import { returnXmlLayouts } from '../../sources/returns-xml.js';
import { SSDA903_EVENT_DATES } from '../../sources/ssda903/event-dates.js';
import { detectContract } from '../../sources/lib/detect.js';

export interface ReturnYear {
  year: CollectionYear;
  /** Where it came from, for the log: 'config', or the file and date it was read from. */
  basis: string;
}

/** The CIN census's year from its header's ReferenceDate (31 March ends the year it reports). */
export function cinCensusYear(referenceDate: string | null): CollectionYear | null {
  const d = referenceDate ? parseDateTime(referenceDate) : null;
  return d ? collectionYearOf(d.date) : null;
}

const HEADER_SEARCH_ROWS = 20;

/** The SSDA903 set's year: from config, else from the latest event date in its CSV and XML files (null: no 903). */
export async function ssda903Year(
  files: readonly { path: string; name: string }[],
  contracts: readonly Contract[],
  configured: CollectionYear | undefined,
  today = new Date().toISOString().slice(0, 10),
): Promise<ReturnYear | null> {
  if (configured) return { year: configured, basis: 'config returns.ssda903.collectionYear' };
  const ssda903 = contracts.filter((c) => c.system === 'ssda903');
  let latest: { date: string; file: string } | null = null;
  const see = (raw: string | undefined, file: string) => {
    const d = raw ? parseDateTime(raw) : null;
    if (d && d.date <= today && (!latest || d.date > latest.date)) latest = { date: d.date, file };
  };
  for (const f of files) {
    if (/\.csv$/i.test(f.path)) {
      const records = readCsv(f.path);
      let columns: number[] | null = null;
      try {
        for (let i = 0; i < HEADER_SEARCH_ROWS && columns === null; i++) {
          const next = await records.next();
          if (next.done) break;
          const d = detectContract(f.name, next.value.cells, ssda903);
          if (d.ok)
            columns = d.contract.fields
              .filter((x) => SSDA903_EVENT_DATES.has(x.header))
              .map((x) => d.match.columns.get(x.name))
              .filter((x): x is number => x !== undefined);
        }
        if (columns === null) continue;
        for await (const r of records) for (const i of columns) see(r.cells[i], f.name);
      } catch {
        continue; // a file that cannot be read says so when it is landed
      } finally {
        await records.return(undefined);
      }
    } else if (isXml(f.path)) {
      try {
        const { layout } = await detectReturnXml(f.path, returnXmlLayouts);
        if (layout?.system !== 'ssda903') continue;
        const walk = (n: XmlNode) => {
          if (SSDA903_EVENT_DATES.has(n.name)) see(n.text, f.name);
          n.children.forEach(walk);
        };
        for await (const { node } of readXmlRecords(f.path, layout.recordElement)) walk(node);
      } catch {
        continue;
      }
    }
  }
  const found = latest as { date: string; file: string } | null;
  return found
    ? { year: collectionYearOf(found.date), basis: `latest event date ${found.date} (${found.file})` }
    : null;
}
