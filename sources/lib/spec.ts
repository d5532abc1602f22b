// The human-readable spec of an export, generated from its contract so the two can never disagree.
import { validityText } from '../../core/calendar/collection-year.js';
import type { Contract, FieldKind } from './contract.js';

const KIND: Record<FieldKind, string> = {
  text: 'text',
  date: 'date (dd/mm/yyyy, yyyy-mm-dd or Excel serial)',
  datetime: 'date and time (dd/mm/yyyy hh:mm, ISO or Excel serial)',
  boolean: 'Y / N (also Yes/No, True/False, 1/0)',
  code: 'code (with or without its label)',
  integer: 'whole number',
  decimal: 'number',
};

export function contractSpec(c: Contract): string {
  const lines = [
    `# ${c.title} export (\`${c.system}\`)`,
    '',
    '<!-- Generated from contract.ts by `npm run specs`; edit the contract, not this file. -->',
    '',
    c.description,
    '',
    `Lands in \`raw.${c.system}__${c.entity}\`, one row per valid export row, with \`_load_id\`, \`_source_file\`, \`_file_checksum\` and \`_line_number\`. Rows that break a rule go to \`raw._rejects\` with the reason. Key: ${c.key.map((k) => `\`${k}\``).join(' + ')}.${c.keyNote ? ` ${c.keyNote}` : ''}`,
    '',
    '| Column | Also accepted as | Type | Required | Meaning |',
    '| --- | --- | --- | --- | --- |',
    ...c.fields.map(
      (f) =>
        `| ${f.header} | ${(f.aliases ?? []).join(', ') || '–'} | ${KIND[f.kind]} | ${f.required ? 'yes' : 'no'} | ${f.description} |`,
    ),
    '',
  ];
  if (c.exactHeaders) {
    lines.push(
      'A file is recognised as this table only when its header has exactly these columns (in any order), as the DfE names them.',
      '',
    );
  }
  for (const f of c.fields.filter((x) => x.kind === 'code')) {
    // Codes valid in some collection years only say which; a return is checked against its own year's codes.
    const yearly = (f.codes ?? []).some((x) => x.validFrom || x.validTo);
    lines.push(
      `## ${f.header} codes`,
      '',
      yearly ? '| Code | Meaning | Collection years |' : '| Code | Meaning |',
      yearly ? '| --- | --- | --- |' : '| --- | --- |',
      ...(f.codes ?? []).map((x) =>
        yearly
          ? `| ${x.code} | ${x.label} | ${x.validFrom || x.validTo ? validityText(x) : 'all'} |`
          : `| ${x.code} | ${x.label} |`,
      ),
      '',
    );
  }
  if (c.rowChecks?.length) {
    lines.push('## Row rules', '', ...c.rowChecks.map((r) => `- ${r.rule}`), '');
  }
  lines.push(
    'Blank, `#N/A`, `N/A`, `NULL` and whitespace-only cells count as empty. Headers match whatever their case, spacing or punctuation.',
    '',
  );
  return lines.join('\n');
}
