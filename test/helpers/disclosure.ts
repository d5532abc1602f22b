// Audits every public appendix a run published, from its workbook: the figures and "c" cells are read back from
// the .xlsx with exceljs (what an outsider downloads), put into the appendix's disclosure model beside the true
// figures from the warehouse, and every "c" is bounded by the exact solver. Shared by the end-to-end tests so each
// audits the run it already made.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseConfig, protectionOf, type Config } from '../../core/config.js';
import { Warehouse } from '../../core/warehouse.js';
import { loadComplaintsAnnual } from '../../reports/complaints-annual/data.js';
import {
  auditTables,
  protectedComplaintsAnnualTables,
  type ComplaintsAnnualTables,
} from '../../reports/complaints-annual/tables.js';
import { loadContactActivity } from '../../reports/contact-activity/data.js';
import {
  contactActivityModel,
  protectedContactActivityTables,
  TABLE_NAMES,
  type ContactActivityTables,
} from '../../reports/contact-activity/tables.js';
import type { ManifestEntry } from '../../reports/lib/appendix.js';
import { auditDisclosure, type AuditResult } from '../../reports/lib/disclosure-audit.js';
import { tablesModel } from '../../reports/lib/table-audit.js';
import { loadScorecard } from '../../reports/scorecard/data.js';
import { scorecardModel } from '../../reports/scorecard/disclosure.js';
import { scorecardView } from '../../reports/scorecard/view.js';

const FIRST_DATA_ROW = 5; // header on row 4 (reports/lib/xlsx.ts)

export interface WorkbookAudit {
  file: string;
  report: string;
  audit: AuditResult;
  /** "c" cells read from the workbook (counts, shares and changes; a figure in several tables counts each time). */
  cInWorkbook: number;
}

type Rows = Record<string, unknown>[];

/** Rows of a sheet as key -> cell value, the columns in the order given. */
function sheetRows(wb: ExcelJS.Workbook, sheet: string, keys: readonly (string | null)[], n: number): Rows {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet '${sheet}'`);
  return Array.from({ length: n }, (_, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    return Object.fromEntries(keys.flatMap((k, c) => (k ? [[k, row.getCell(c + 1).value]] : [])));
  });
}
const countC = (wb: ExcelJS.Workbook) => {
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => (n += c.value === 'c' ? 1 : 0))));
  return n;
};

/** Contact Activity as read back: the workbook's sheets in place of the published rows (its averages' change is PDF-only). */
function contactActivityFromBook(wb: ExcelJS.Workbook, t: ContactActivityTables): ContactActivityTables {
  const keys = (x: { spec: { columns: readonly { key: string }[] } }) => x.spec.columns.map((c) => c.key);
  const split = t.weekly.spec.columns.some((c) => c.key === 'edt');
  return {
    weekly: {
      ...t.weekly,
      rows: sheetRows(
        wb,
        TABLE_NAMES.weekly,
        keys(t.weekly),
        t.weekly.rows.length,
      ) as ContactActivityTables['weekly']['rows'],
    },
    averages: {
      ...t.averages,
      rows: t.averages.rows.map((r, i) => ({
        ...r,
        ...sheetRows(wb, TABLE_NAMES.averages, split ? [null, null, 'edt', 'mash', 'total'] : [null, null, 'total'], 2)[
          i
        ],
      })) as ContactActivityTables['averages']['rows'],
    },
    bySource: {
      ...t.bySource,
      rows: t.bySource.rows.map((r, i) => ({
        ...r,
        ...sheetRows(wb, TABLE_NAMES.bySource, [null, 'before', 'since', 'change'], t.bySource.rows.length)[i],
      })) as ContactActivityTables['bySource']['rows'],
    },
    openCase: wb.getWorksheet(TABLE_NAMES.openCase)
      ? {
          ...t.openCase,
          rows: sheetRows(
            wb,
            TABLE_NAMES.openCase,
            keys(t.openCase),
            t.openCase.rows.length,
          ) as ContactActivityTables['openCase']['rows'],
        }
      : t.openCase,
    timeliness: wb.getWorksheet(TABLE_NAMES.timeliness)
      ? {
          ...t.timeliness,
          rows: sheetRows(
            wb,
            TABLE_NAMES.timeliness,
            keys(t.timeliness),
            t.timeliness.rows.length,
          ) as ContactActivityTables['timeliness']['rows'],
        }
      : t.timeliness,
  };
}

function complaintsFromBook(wb: ExcelJS.Workbook, t: ComplaintsAnnualTables): ComplaintsAnnualTables {
  const out = { ...t };
  for (const [name, x] of Object.entries(t) as [
    keyof ComplaintsAnnualTables,
    ComplaintsAnnualTables[keyof ComplaintsAnnualTables],
  ][]) {
    out[name] = {
      ...x,
      rows: sheetRows(
        wb,
        x.sheet,
        x.columns.map((c) => c.key),
        x.rows.length,
      ) as typeof x.rows,
    };
  }
  return out;
}

/**
 * Every public workbook listed in `folder`'s manifest, audited. `config` is the run's (default: the defaults).
 * The true figures come from the warehouse through the report's own loader; the shown ones from the file.
 */
export async function auditPublicWorkbooks(
  folder: string,
  warehouse: string,
  config: Config = parseConfig({}),
): Promise<WorkbookAudit[]> {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] };
  const threshold = config.suppression.threshold;
  const protection = protectionOf(config);
  const db = await Warehouse.open(warehouse, { readOnly: true });
  const out: WorkbookAudit[] = [];
  try {
    for (const f of manifest.files.filter((e) => e.variant === 'public' && e.format === 'xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(folder, f.file));
      let audit: AuditResult;
      if (f.report === 'contact-activity') {
        const cfg = config.reports.contactActivity;
        const d = await loadContactActivity(db, {
          periodEnd: f.periodEnd,
          weeks: cfg.weeks,
          ...(cfg.compareFrom ? { compareFrom: cfg.compareFrom } : {}),
        });
        const { tables } = await protectedContactActivityTables(d, 'public', threshold, protection, {
          grains: cfg.openCaseGrains,
          maxSuppressedShare: config.suppression.maxSuppressedShare,
        });
        audit = await auditDisclosure(contactActivityModel(d, contactActivityFromBook(wb, tables)), protection);
      } else if (f.report === 'complaints-annual') {
        const d = await loadComplaintsAnnual(db, {
          periodEnd: f.periodEnd,
          trendYears: config.reports.complaintsAnnual.trendYears,
        });
        const { tables } = await protectedComplaintsAnnualTables(d, 'public', threshold, protection, {
          grains: config.reports.complaintsAnnual.commentsGrains,
          maxSuppressedShare: config.suppression.maxSuppressedShare,
        });
        audit = await auditDisclosure(tablesModel(auditTables(complaintsFromBook(wb, tables))), protection);
      } else if (f.report === 'scorecard') {
        const d = await loadScorecard(db, { periodEnd: f.periodEnd });
        audit = await auditDisclosure(scorecardModel(d, scorecardView(d, 'public', threshold)), protection);
      } else throw new Error(`no disclosure audit for report ${f.report}`);
      out.push({ file: f.file, report: f.report, audit, cInWorkbook: countC(wb) });
    }
  } finally {
    db.close();
  }
  return out;
}
