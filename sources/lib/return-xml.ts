// A statutory return's XML flattens to one record stream per entity, like a workbook's sheets: `file.xml#referrals`.
// Each record carries the line of the element it came from and the XML element names as its "headers", so it
// lands through the same contract checks as a CSV and a reject names the file, line and element.
import type { Contract } from './contract.js';
import type { CsvRecord } from './csv-reader.js';
import { readXmlRecords, sniffXml, type XmlHeader, type XmlNode } from './xml-reader.js';

export interface FlatRecord {
  line: number;
  /** Element text by element name (the contract's headers); an absent element is undefined. */
  values: Record<string, string | undefined>;
}

export interface XmlStream {
  /** Stream name after the `#`, and the contract entity it lands as. */
  entity: string;
  records(record: XmlNode): FlatRecord[];
}

export interface ReturnXmlLayout {
  /** Plain-English name for messages, e.g. 'CIN census'. */
  title: string;
  /** The contracts' system, e.g. 'cin_census'. */
  system: string;
  /** The repeating element every stream is read from, e.g. Child. */
  recordElement: string;
  /** Whether a file is this return: by its header's Collection, else by the content of its first record. */
  recognises(header: XmlHeader): boolean;
  streams: readonly XmlStream[];
}

export const isXml = (file: string): boolean => /\.xml$/i.test(file);

/** Which return layout an XML file follows, decided by its content (never its name). */
export async function detectReturnXml(
  file: string,
  layouts: readonly ReturnXmlLayout[],
): Promise<{ layout: ReturnXmlLayout; header: XmlHeader } | { layout: null; header: XmlHeader }> {
  const elements = [...new Set(layouts.map((l) => l.recordElement))];
  let header: XmlHeader = { root: null, collection: null, referenceDate: null, firstRecord: null };
  for (const element of elements) {
    header = await sniffXml(file, element);
    const layout = layouts.find((l) => l.recordElement === element && l.recognises(header));
    if (layout) return { layout, header };
  }
  return { layout: null, header };
}

/** How many records each stream of the file has (one pass), so empty streams are not landed. */
export async function countStreams(file: string, layout: ReturnXmlLayout): Promise<Map<string, number>> {
  const counts = new Map(layout.streams.map((s) => [s.entity, 0]));
  for await (const { node } of readXmlRecords(file, layout.recordElement)) {
    for (const s of layout.streams) counts.set(s.entity, counts.get(s.entity)! + s.records(node).length);
  }
  return counts;
}

/** One stream of the file as CSV-like records: a header record of the contract's headers, then one per record. */
export async function* streamRecords(
  file: string,
  layout: ReturnXmlLayout,
  stream: XmlStream,
  contract: Contract,
): AsyncGenerator<CsvRecord> {
  const headers = contract.fields.map((f) => f.header);
  // An element another year names differently (the census's GenderCurrent, Sex from 2024/25) is a header alias.
  const names = contract.fields.map((f) => [f.header, ...(f.aliases ?? [])]);
  yield { line: 1, cells: headers };
  for await (const { node } of readXmlRecords(file, layout.recordElement)) {
    for (const r of stream.records(node))
      yield { line: r.line, cells: names.map((n) => n.map((h) => r.values[h]).find((v) => v !== undefined) ?? '') };
  }
}

/** The direct child elements' text by name (the first of each name), plus any inherited values not overridden. */
export function valuesOf(
  node: XmlNode,
  inherited: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const own: Record<string, string | undefined> = { ...inherited };
  const seen = new Set<string>();
  for (const c of node.children) {
    if (c.children.length > 0 || seen.has(c.name)) continue;
    seen.add(c.name);
    own[c.name] = c.text;
  }
  return own;
}
