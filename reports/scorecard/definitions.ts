// The terms every scorecard explains; each KPI's own definition comes from the KPI mart (seed kpi_definitions),
// printed field by field as the seed has it.
import type { Definition, Variant } from '../lib/appendix.js';
import type { KpiDefinition } from './data.js';
import { suppressionRule } from './format.js';
import type { ShownKpi } from './view.js';

export function scorecardTerms(
  variant: Variant,
  threshold: number,
  monthLabel: string,
  protection?: number,
): Definition[] {
  return [
    {
      term: 'Latest',
      text: `The measure for ${monthLabel}. When a measure has no figure for that month (for example, no children were in its group), its latest earlier month in the last 12 is shown, with that month named.`,
    },
    {
      term: 'Target',
      text: 'The target for the month from the improvement plan. A trajectory of targets applies each target from its month until the next; measures without a target have no RAG rating.',
    },
    {
      term: 'RAG',
      text: "Green: the measure meets its target. Amber: it misses the target by no more than the measure's tolerance (a few percentage points, or cases for caseload). Red: it misses by more. Whether higher or lower is better is shown for each measure.",
    },
    {
      term: 'Last 12 months',
      text: 'The measure each month for the 12 months to the latest month (solid line, the latest month marked), and the target trajectory (dashed). Gaps are months with no figure; a suppressed month is a gap marked with a grey "c", never a zero.',
    },
    {
      term: 'Units',
      text: 'Percentages are rounded to whole numbers; average caseload to one decimal place; counts are whole numbers. Quarterly and yearly figures are in the warehouse (marts.kpi_monthly).',
    },
    {
      term: 'Small numbers',
      text:
        variant === 'restricted'
          ? `RESTRICTED version: no figures are suppressed. ${suppressionRule(threshold)}`
          : suppressionRule(threshold) +
            (protection
              ? ` Before publication an exact audit checked that, from everything this appendix shows, each '${'c'}' could still be any of at least ${protection} values.`
              : ''),
    },
  ];
}

/** The KPIs with no figure from the data supplied, each with the source that would give one; null when there are none. */
export function noFigureTerm(noFigure: readonly { name: string; sourceNeeded: string | null }[]): Definition | null {
  if (noFigure.length === 0) return null;
  const items = noFigure.map((k) => (k.sourceNeeded ? `${k.name} (needs ${k.sourceNeeded})` : k.name));
  return {
    term: 'No figure from the data supplied',
    text: `These measures have no figure in the last 12 months because the data supplied does not record what they count: ${items.join('; ')}. They are left out or shown without a figure rather than as zero.`,
  };
}

/** How each definition field is headed wherever it is printed, in the order printed. */
export const DEFINITION_LABELS: readonly [keyof KpiDefinition, string][] = [
  ['numerator', 'Counts'],
  ['denominator', 'Out of'],
  ['inclusions', 'Includes'],
  ['exclusions', 'Excludes'],
  ['periodRule', 'Period'],
  ['sourceRule', 'Sources'],
];

/** A definition's fields that the seed fills, each with its heading, in print order. */
export const definitionLines = (d: KpiDefinition): { label: string; text: string }[] =>
  DEFINITION_LABELS.flatMap(([k, label]) => (d[k] ? [{ label, text: d[k] }] : []));

/** A definition as one text, a line per field ("Counts: ..."): the seed's words, only headed. */
export const definitionText = (d: KpiDefinition): string =>
  definitionLines(d)
    .map((l) => `${l.label}: ${l.text}`)
    .join('\n');

export const kpiDefinitions = (kpis: readonly ShownKpi[]): Definition[] =>
  kpis.map((k) => ({ term: k.name, text: definitionText(k.definition) }));
