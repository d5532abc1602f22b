// The code's layers read top-down: each folder may import only the folders below it (LAYERS). Every relative
// import of every TypeScript file is checked, tests beside the code included, so a change that makes `sources/`
// reach into `pipelines/` (or the portal into the pipeline's insides) fails here, naming the file and the import.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../core/paths.js';

/**
 * Who may import whom, top to bottom. A folder may always import itself; packages (npm, node:) are not checked.
 * `reads` names single modules of another folder a layer may use without depending on the rest of it: the portal
 * is a reader of what the pipeline publishes (its folder layout, the status, the docs site), nothing more.
 */
const LAYERS: Record<string, { mayImport: string[]; reads?: string[] }> = {
  cli: { mayImport: ['portal', 'pipelines', 'reports', 'sources', 'core'] },
  portal: {
    mayImport: ['reports', 'core'],
    reads: ['pipelines/publish.ts', 'pipelines/ops/status.ts', 'pipelines/analyst-files.ts'],
  },
  pipelines: { mayImport: ['reports', 'sources', 'core'] },
  reports: { mayImport: ['sources', 'core'] },
  sources: { mayImport: ['core'] },
  core: { mayImport: [] },
  // The end-to-end and cross-layer tests see everything; nothing imports them.
  test: { mayImport: ['cli', 'portal', 'pipelines', 'reports', 'sources', 'core'] },
};
/** Shared test fixtures, which a test beside the code may use whatever its layer (nothing imports a test). */
const TEST_HELPERS = 'test/helpers/';

const isTest = (file: string) => file.endsWith('.test.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : tsFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/**
 * The module specifiers a file imports: `import ... from 'x'`, `export ... from 'x'`, `import 'x'`, `import('x')`.
 * A small tokenizer rather than a regular expression, so strings, template literals, comments and regular
 * expressions that merely contain `from '...'` are not mistaken for imports.
 */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  // The last significant tokens (identifiers, punctuation); a string right after `from`, `import` or `import (` is a specifier.
  let prev = '';
  let prev2 = '';
  const push = (t: string) => {
    prev2 = prev;
    prev = t;
  };
  const regexMayStart = () =>
    prev === '' ||
    /^[(,=:[!&|?{};+\-*%<>~^]$/.test(prev) ||
    ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', '=>'].includes(prev);
  // Template literal nesting: each entry counts open braces inside a `${ ... }`.
  const templates: number[] = [];
  let i = 0;
  const n = source.length;
  const readTemplate = () => {
    // From just after a backtick or a closing `}` of a substitution, to the end of the template or the next `${`.
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        push('`');
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        i += 2;
        templates.push(0);
        push('${');
        return;
      } else i++;
    }
  };
  while (i < n) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let value = '';
      while (j < n && source[j] !== c) {
        if (source[j] === '\\') {
          value += source[j + 1];
          j += 2;
        } else value += source[j++];
      }
      i = j + 1;
      if (prev === 'from' || prev === 'import' || (prev === '(' && prev2 === 'import')) specs.push(value);
      push('"');
    } else if (c === '`') {
      i++;
      readTemplate();
    } else if (c === '/' && regexMayStart()) {
      let j = i + 1;
      let inClass = false;
      while (j < n && (inClass || source[j] !== '/') && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      i = j + 1;
      while (i < n && /[a-z]/i.test(source[i]!)) i++;
      push('/re/');
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(source[j]!)) j++;
      push(source.slice(i, j));
      i = j;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '{' && templates.length) {
      templates[templates.length - 1]!++;
      push('{');
      i++;
    } else if (c === '}' && templates.length) {
      if (templates[templates.length - 1] === 0) {
        templates.pop();
        i++;
        readTemplate();
      } else {
        templates[templates.length - 1]!--;
        push('}');
        i++;
      }
    } else if (c === '=' && source[i + 1] === '>') {
      push('=>');
      i += 2;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(source[j]!)) j++;
      push('0');
      i = j;
    } else {
      push(c);
      i++;
    }
  }
  return specs;
}

/** What a relative specifier names, as a project path ('../core/paths.js' from 'sources/x.ts' -> 'core/paths.ts'). */
const resolveSpec = (file: string, spec: string): string =>
  path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');

const layerOf = (file: string): string => file.split('/')[0]!;

/** The imports of one file that break the layering, in words. */
function violations(file: string, source: string): string[] {
  const layer = layerOf(file);
  const rule = LAYERS[layer];
  if (!rule)
    return [`${file}: its folder ${layer}/ is not in the layering table (test/layering.test.ts LAYERS); add it there`];
  return importsOf(source)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const target = resolveSpec(file, spec);
      const to = layerOf(target);
      if (to === layer || rule.mayImport.includes(to) || rule.reads?.includes(target)) return [];
      if (isTest(file) && target.startsWith(TEST_HELPERS)) return [];
      return [
        `${file} imports '${spec}' (${target}): ${layer}/ may import only ${[layer, ...rule.mayImport].map((l) => `${l}/`).join(', ')}${rule.reads ? ` and ${rule.reads.join(', ')}` : ''}`,
      ];
    });
}

const FOLDERS = Object.keys(LAYERS);

describe('layering', () => {
  it('finds the imports a file makes, and nothing that only looks like one', () => {
    const src = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      'export * from "./d.js";',
      "import './side-effect.js';",
      "const e = await import('./e.js');",
      "// import { f } from './comment.js';",
      "/* import g from './block.js' */",
      'const s = "from \'./string.js\'";',
      "const t = `import('./template.js') ${x + `from './nested.js'`} from './tail.js'`;",
      "const r = /from '.\\/regex.js'/;",
      "const o = { from: './object.js' };",
      'import {',
      '  h,',
      "} from './multi-line.js';",
    ].join('\n');
    expect(importsOf(src)).toEqual([
      './a.js',
      '../b.js',
      './c.js',
      './d.js',
      './side-effect.js',
      './e.js',
      './multi-line.js',
    ]);
  });

  it('reads top-down: the table itself has no cycle', () => {
    const order: string[] = [];
    const visit = (l: string, seen: string[]) => {
      expect(seen, `layering cycle: ${[...seen, l].join(' -> ')}`).not.toContain(l);
      for (const d of LAYERS[l]!.mayImport) visit(d, [...seen, l]);
      if (!order.includes(l)) order.push(l);
    };
    for (const l of FOLDERS) visit(l, []);
    expect(order.indexOf('core')).toBe(0);
  });

  it('every import of every TypeScript file keeps to the table (tests beside the code included)', () => {
    const files = FOLDERS.flatMap((f) => tsFiles(f));
    // The check must see the code: a wrong root or an empty folder list would pass vacuously.
    for (const f of FOLDERS)
      expect(
        files.some((file) => layerOf(file) === f),
        `no .ts files found in ${f}/`,
      ).toBe(true);
    expect(files.filter(isTest).length).toBeGreaterThan(50);
    const broken = files.flatMap((file) => violations(file, readFileSync(path.join(projectRoot, file), 'utf8')));
    expect(broken, broken.join('\n')).toEqual([]);
  });

  it('names the file and the import that breaks the layering', () => {
    expect(violations('sources/demo/x.ts', "import { y } from '../../pipelines/run.js';")).toEqual([
      "sources/demo/x.ts imports '../../pipelines/run.js' (pipelines/run.ts): sources/ may import only sources/, core/",
    ]);
    expect(
      violations(
        'portal/x.ts',
        "import { a } from '../pipelines/publish.js'; import { b } from '../pipelines/run.js';",
      ),
    ).toHaveLength(1);
    expect(violations('core/x.test.ts', "import { t } from '../test/helpers/tmp.js';")).toEqual([]);
    expect(violations('core/x.ts', "import { t } from '../test/helpers/tmp.js';")).toHaveLength(1);
    expect(violations('reports/x.ts', "import { c } from '../cli/csp.js';")).toHaveLength(1);
  });

  it('every top-level folder of TypeScript code is in the table', () => {
    const topLevel = readdirSync(projectRoot, { withFileTypes: true })
      .filter(
        (e) =>
          e.isDirectory() &&
          !e.name.startsWith('.') &&
          !['node_modules', 'dist', 'data', 'tools', 'sql', 'docs'].includes(e.name),
      )
      .filter((e) => tsFiles(e.name).length > 0)
      .map((e) => e.name);
    expect(topLevel.filter((f) => !LAYERS[f])).toEqual([]);
  });
});
