// The SSDA903 return as XML: Message / Header / CollectionDetails / Collection = SSDA903, then Children / Child.
// A Child holds its header items (CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB) directly or inside a <Header>,
// and one element per record of each table, named as below, whose items are the DfE field names the CSVs use:
// Episode, Review, OC3, OC2, AD1, PlacedAdoption, PrevPerm, MissingEpisode, UASC, SWEpisode (each may sit in a
// plural wrapper such as <Episodes>). Items a record does not repeat (CHILD, DOB, SEX) come from its Child.
// It lands into the same raw tables, through the same contracts, as the 903 CSV files.
import type { ReturnXmlLayout, XmlStream } from '../lib/return-xml.js';
import { valuesOf } from '../lib/return-xml.js';
import { child, descendants, type XmlNode } from '../lib/xml-reader.js';

const childValues = (c: XmlNode) => {
  const header = child(c, 'Header') ?? child(c, 'HEADER');
  return header ? valuesOf(header, valuesOf(c)) : valuesOf(c);
};

const table = (entity: string, element: string): XmlStream => ({
  entity,
  records: (c) => {
    const base = childValues(c);
    return descendants(c, element).map((e) => ({ line: e.line, values: valuesOf(e, base) }));
  },
});

export const SSDA903_XML_ELEMENTS: Readonly<Record<string, string>> = {
  episodes: 'Episode',
  reviews: 'Review',
  oc3: 'OC3',
  oc2: 'OC2',
  ad1: 'AD1',
  placed_adoption: 'PlacedAdoption',
  prev_perm: 'PrevPerm',
  missing: 'MissingEpisode',
  uasc: 'UASC',
  sw_episodes: 'SWEpisode',
};

export const ssda903Xml: ReturnXmlLayout = {
  title: 'SSDA903',
  system: 'ssda903',
  recordElement: 'Child',
  recognises: (h) =>
    h.collection !== null
      ? /903/.test(h.collection)
      : h.firstRecord !== null && descendants(h.firstRecord, 'Episode').length > 0,
  streams: [
    { entity: 'header', records: (c) => [{ line: c.line, values: childValues(c) }] },
    ...Object.entries(SSDA903_XML_ELEMENTS).map(([entity, element]) => table(entity, element)),
  ],
};
