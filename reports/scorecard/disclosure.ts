// What a reader can work out from the public scorecard, as a disclosure model (see lib/disclosure-audit.ts): per
// measure and month, the numerator and denominator (printed for the reported month, behind the value for the
// other eleven) and the value as shown (a rounded percentage binds them). Caseload ratios have a fractional FTE
// denominator, so only their case count is a whole-number cell.
import {
  auditDisclosure,
  cellExpr,
  DisclosureError,
  percentRoundsTo,
  type AuditCell,
  type AuditResult,
  type DisclosureModel,
  type LinearConstraint,
} from '../lib/disclosure-audit.js';
import type { ScorecardData } from './data.js';
import type { ShownKpi } from './view.js';

export function scorecardModel(d: ScorecardData, shown: readonly ShownKpi[]): DisclosureModel {
  const cells = new Map<string, AuditCell>();
  const constraints: LinearConstraint[] = [];
  d.kpis.forEach((k, ki) => {
    const s = shown[ki]!;
    k.points.forEach((p, i) => {
      const sp = s.points[i]!;
      const printed = s.latest?.month === p.month;
      const where = (what: string) => `Scorecard, ${k.name}, ${p.periodLabel}, ${what}`;
      const cell = (what: 'numerator' | 'denominator', v: number | null, isPrinted: boolean) => {
        if (v === null || !Number.isInteger(v)) return null;
        const id = `${k.measureId}|${p.month}|${what}`;
        // A count measure prints its numerator as the value every month.
        cells.set(id, {
          id,
          value: v,
          hidden: isPrinted && sp.suppressed,
          unprinted: !isPrinted || undefined,
          where: where(what),
        });
        return id;
      };
      if (k.unit === 'count') {
        cell('numerator', p.numerator, true);
        return;
      }
      const n = cell('numerator', p.numerator, printed);
      const den = k.unit === 'percent' ? cell('denominator', p.denominator, printed) : null;
      if (k.unit === 'percent' && n && den && typeof sp.value === 'number' && p.denominator)
        constraints.push(
          ...percentRoundsTo(
            cellExpr(n),
            cellExpr(den),
            Math.round(sp.value),
            `${where('value')} shown as ${Math.round(sp.value)}%`,
          ),
        );
    });
  });
  return { cells, constraints, lower: 1 };
}

/** The public scorecard's audit; throws DisclosureError when it fails (nothing ties one measure-month to another to widen). */
export async function auditScorecard(
  d: ScorecardData,
  shown: readonly ShownKpi[],
  protection: number,
): Promise<AuditResult> {
  const audit = await auditDisclosure(scorecardModel(d, shown), protection);
  if (!audit.ok)
    throw new DisclosureError(
      `Appendix 2 (${d.monthLabel}), public: suppression does not protect ${audit.failures.map((f) => `${f.where} (could only be ${f.min} to ${f.max})`).join('; ')}. The public appendix was not written.`,
    );
  return audit;
}
