// Streams a statutory-return XML file (CIN census, SSDA903) with saxes, a well-kept streaming XML parser: each
// repeating record element (e.g. <Child>) is handed over as a small tree with the line it starts on, so a file of
// any size is never held in memory and every value can be traced back to its line.
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface XmlNode {
  /** Element name without any namespace prefix. */
  name: string;
  /** 1-based line of the element's opening tag. */
  line: number;
  /** The element's own text (trimmed), '' when it only holds other elements. */
  text: string;
  children: XmlNode[];
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The first child element called `name`, if any. */
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node?.children.find((c) => c.name === name);

/** Every child element called `name`. */
export const children = (node: XmlNode | undefined, name: string): XmlNode[] =>
  node?.children.filter((c) => c.name === name) ?? [];

/** Every descendant element called `name` (depth first, document order). */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** Text of the first descendant called `name` (undefined when there is none). */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const direct = child(node, name);
  if (direct) return direct.text;
  for (const c of node.children) {
    const t = textOf(c, name);
    if (t !== undefined) return t;
  }
  return undefined;
}

export class XmlSyntaxError extends Error {}

export interface XmlRecords {
  /** Names of the open elements above a record, outermost first (e.g. Message, Children). */
  path: readonly string[];
  node: XmlNode;
}

/**
 * Every element named `record` (not nested in another one), as a tree, in document order. Elements outside the
 * records (the header) are passed to `onOutside` as complete trees when they close, so callers can read them.
 */
export async function* readXmlRecords(
  file: string,
  record: string,
  onOutside?: (node: XmlNode, path: readonly string[]) => void,
): AsyncGenerator<XmlRecords> {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  const names: string[] = [];
  let recordDepth = -1;
  const ready: XmlRecords[] = [];
  // Set inside the parser's callbacks; the assertion keeps TypeScript from narrowing it to `null` here for good.
  let failure = null as Error | null;

  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: localName(tag.name), line: parser.line, text: '', children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    names.push(node.name);
    if (recordDepth < 0 && node.name === record) recordDepth = stack.length - 1;
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const node = stack.pop()!;
    names.pop();
    node.text = node.text.trim();
    if (recordDepth === stack.length) {
      recordDepth = -1;
      stack.at(-1)?.children.pop(); // a finished record is not kept in its parent: memory stays flat
      ready.push({ path: [...names], node });
    } else if (recordDepth < 0) {
      onOutside?.(node, names);
    }
  });
  parser.on('error', (e) => {
    failure ??= new XmlSyntaxError(e.message);
  });

  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    parser.write(chunk as string);
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
  }
  parser.close();
  if (failure) throw failure;
  while (ready.length) yield ready.shift()!;
}

export interface XmlHeader {
  /** Root element name, e.g. Message. */
  root: string | null;
  /** Header/CollectionDetails/Collection, e.g. CIN or SSDA903, when the file has one. */
  collection: string | null;
  /** Header/CollectionDetails/ReferenceDate, when given. */
  referenceDate: string | null;
  /** The first record element, to recognise a file without a collection header by its content. */
  firstRecord: XmlNode | null;
}

/** Reads just enough of a return XML (its header and first record) to tell which return it is. */
export async function sniffXml(file: string, record: string): Promise<XmlHeader> {
  const header: XmlHeader = { root: null, collection: null, referenceDate: null, firstRecord: null };
  const records = readXmlRecords(file, record, (node, path) => {
    header.root ??= path[0] ?? node.name;
    if (node.name === 'CollectionDetails') {
      header.collection = textOf(node, 'Collection') ?? null;
      header.referenceDate = textOf(node, 'ReferenceDate') ?? null;
    }
  });
  for await (const r of records) {
    header.root ??= r.path[0] ?? null;
    header.firstRecord = r.node;
    await records.return(undefined);
    break;
  }
  return header;
}
