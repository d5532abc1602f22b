// The CIN census XML (DfE COLLECT layout): Message / Header / CollectionDetails / Collection = CIN, then
// Children / Child with ChildIdentifiers, ChildCharacteristics and one CINdetails per episode of need holding
// Assessments, Section47, ChildProtectionPlans (with Reviews / CPPreviewDate). Flattened to one stream per entity;
// `children` is each Child's identifiers and characteristics.
import type { FlatRecord, ReturnXmlLayout } from '../lib/return-xml.js';
import { valuesOf } from '../lib/return-xml.js';
import { child, children, descendants, textOf, type XmlNode } from '../lib/xml-reader.js';

/** The child's ID and the episode's referral date go on every record beneath a CINdetails. */
function episodes(c: XmlNode): { node: XmlNode; base: Record<string, string | undefined> }[] {
  const base = { LAchildID: textOf(child(c, 'ChildIdentifiers'), 'LAchildID') };
  return children(c, 'CINdetails').map((d) => ({
    node: d,
    base: { ...base, CINreferralDate: textOf(d, 'CINreferralDate') },
  }));
}

const under =
  (element: string) =>
  (c: XmlNode): FlatRecord[] =>
    episodes(c).flatMap(({ node, base }) =>
      children(node, element).map((e) => ({ line: e.line, values: valuesOf(e, base) })),
    );

export const cinCensusXml: ReturnXmlLayout = {
  title: 'CIN census',
  system: 'cin_census',
  recordElement: 'Child',
  recognises: (h) =>
    h.collection !== null ? /^CIN/i.test(h.collection) : child(h.firstRecord ?? undefined, 'CINdetails') !== undefined,
  streams: [
    {
      entity: 'children',
      records: (c) => {
        const identifiers = child(c, 'ChildIdentifiers');
        if (!identifiers) return [];
        const characteristics = child(c, 'ChildCharacteristics');
        const disabilities = characteristics
          ? descendants(characteristics, 'Disability')
              .map((d) => d.text)
              .filter(Boolean)
              .join(',')
          : '';
        return [
          {
            line: identifiers.line,
            values: {
              ...(characteristics ? valuesOf(characteristics) : {}),
              ...valuesOf(identifiers),
              Disabilities: disabilities || undefined,
            },
          },
        ];
      },
    },
    {
      entity: 'referrals',
      records: (c) => episodes(c).map(({ node, base }) => ({ line: node.line, values: valuesOf(node, base) })),
    },
    {
      entity: 'assessments',
      records: (c) =>
        episodes(c).flatMap(({ node, base }) =>
          children(node, 'Assessments').map((a) => ({
            line: a.line,
            values: {
              ...valuesOf(a, base),
              AssessmentFactors:
                descendants(a, 'AssessmentFactors')
                  .map((f) => f.text)
                  .filter(Boolean)
                  .join(',') || undefined,
            },
          })),
        ),
    },
    { entity: 's47_enquiries', records: under('Section47') },
    { entity: 'cp_plans', records: under('ChildProtectionPlans') },
    {
      entity: 'cp_reviews',
      records: (c) =>
        episodes(c).flatMap(({ node, base }) =>
          children(node, 'ChildProtectionPlans').flatMap((p) =>
            descendants(p, 'CPPreviewDate').map((r) => ({
              line: r.line,
              values: { LAchildID: base.LAchildID, CPPstartDate: textOf(p, 'CPPstartDate'), CPPreviewDate: r.text },
            })),
          ),
        ),
    },
  ],
};
