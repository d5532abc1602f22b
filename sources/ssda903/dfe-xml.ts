// The SSDA903 XML as the DfE's tools write and read it (the layout Data to Insight's validator reads, and its
// public fake_903.xml): root EXPSSDA903, one CHILD per child holding a HEADER and its EPISODEs. HEADER holds the
// child's items (CHILDID, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB, UASC/DUC), the OC3 items (IN_TOUCH, ACTIV,
// ACCOM) and AD1 items (DATE_INT, DATE_MATCH, ...) directly, and one AREVIEW, AMISSING, OC2, PERMANENCE or
// AD_PLACED element per record of those tables. CHILDID is the CSVs' CHILD and an episode's PL their PLACE.
// It lands into the same raw tables, through the same contracts, as the 903 CSV files.
import type { FlatRecord, ReturnXmlLayout, XmlStream } from '../lib/return-xml.js';
import { valuesOf } from '../lib/return-xml.js';
import { child, children, type XmlNode } from '../lib/xml-reader.js';

type Values = Record<string, string | undefined>;

/** The child's own items: HEADER's (and CHILD's) direct items, with CHILDID as CHILD. */
function headerValues(c: XmlNode): Values {
  const v = valuesOf(child(c, 'HEADER') ?? c, valuesOf(c));
  return { ...v, CHILD: v.CHILD ?? v.CHILDID };
}

const given = (v: string | undefined) => v !== undefined && v !== '';

/** A table whose records are elements under HEADER. */
const underHeader = (entity: string, element: string): XmlStream => ({
  entity,
  records: (c) => {
    const base = headerValues(c);
    return children(child(c, 'HEADER'), element).map((e) => ({ line: e.line, values: valuesOf(e, base) }));
  },
});

/** A table held as HEADER items, present when `item` is given. */
const headerItems = (entity: string, ...items: string[]): XmlStream => ({
  entity,
  records: (c): FlatRecord[] => {
    const base = headerValues(c);
    return items.some((i) => given(base[i])) ? [{ line: (child(c, 'HEADER') ?? c).line, values: base }] : [];
  },
});

export const ssda903DfeXml: ReturnXmlLayout = {
  title: 'SSDA903 (DfE XML)',
  system: 'ssda903',
  recordElement: 'CHILD',
  recognises: (h) =>
    h.root === 'EXPSSDA903' ||
    (h.firstRecord !== null &&
      child(h.firstRecord, 'HEADER') !== undefined &&
      child(child(h.firstRecord, 'HEADER'), 'CHILDID') !== undefined),
  streams: [
    { entity: 'header', records: (c) => [{ line: c.line, values: headerValues(c) }] },
    {
      entity: 'episodes',
      records: (c) => {
        const base = headerValues(c);
        return children(c, 'EPISODE').map((e) => {
          const v = valuesOf(e, base);
          return { line: e.line, values: { ...v, PLACE: v.PLACE ?? v.PL } };
        });
      },
    },
    underHeader('reviews', 'AREVIEW'),
    underHeader('missing', 'AMISSING'),
    underHeader('oc2', 'OC2'),
    underHeader('prev_perm', 'PERMANENCE'),
    underHeader('placed_adoption', 'AD_PLACED'),
    headerItems('oc3', 'IN_TOUCH'),
    headerItems('ad1', 'DATE_INT', 'DATE_MATCH'),
    headerItems('uasc', 'DUC'),
  ],
};
