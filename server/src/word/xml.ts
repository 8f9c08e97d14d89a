// A small element tree over fast-xml-parser's ordered output, with WordprocessingML's prefix
// made `w:` whatever the file calls it (transitional and strict OOXML alike).
import type { WordLib } from './lib';

export interface El {
  name: string;
  attrs: Record<string, string>;
  kids: Node[];
}
export type Node = El | string;

const WORDML = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

type Ordered = Record<string, unknown>;

/** Parses one XML part; undefined when it is not XML at all. */
export function parseXml(lib: WordLib, xml: string): El | undefined {
  let raw: Ordered[];
  try {
    const parser = new lib.XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      processEntities: true,
      htmlEntities: true,
    });
    raw = parser.parse(xml) as Ordered[];
  } catch {
    return undefined;
  }
  const rootRaw = raw.find((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text'));
  if (!rootRaw) return undefined;
  // The prefix bound to WordprocessingML on the root (always `w` in files Word writes).
  const attrs = (rootRaw[':@'] ?? {}) as Record<string, string>;
  let prefix = 'w';
  for (const [k, v] of Object.entries(attrs)) if (k.startsWith('xmlns:') && WORDML.has(v)) prefix = k.slice(6);
  const rename = prefix === 'w' ? (s: string) => s : (s: string) => (s.startsWith(prefix + ':') ? 'w:' + s.slice(prefix.length + 1) : s);
  return convert(rootRaw, rename);
}

function convert(n: Ordered, rename: (s: string) => string): El {
  const key = Object.keys(n).find((k) => k !== ':@')!;
  const attrsRaw = (n[':@'] ?? {}) as Record<string, string>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[rename(k)] = String(v);
  const kids: Node[] = [];
  for (const c of (n[key] as Ordered[]) ?? []) {
    if ('#text' in c) kids.push(String(c['#text']));
    else kids.push(convert(c, rename));
  }
  return { name: rename(key), attrs, kids };
}

export function isEl(n: Node | undefined): n is El {
  return typeof n === 'object' && n !== null;
}

/** Child elements, optionally of one name. */
export function children(el: El | undefined, name?: string): El[] {
  if (!el) return [];
  const out: El[] = [];
  for (const k of el.kids) if (isEl(k) && (name === undefined || k.name === name)) out.push(k);
  return out;
}

export function child(el: El | undefined, name: string): El | undefined {
  if (!el) return undefined;
  for (const k of el.kids) if (isEl(k) && k.name === name) return k;
  return undefined;
}

/** `w:val` (or another attribute) of a child: `val(pPr, 'w:pStyle')`. */
export function val(el: El | undefined, name: string, attr = 'w:val'): string | undefined {
  return child(el, name)?.attrs[attr];
}

/** An on/off property: present and not `0`/`false`/`off`. */
export function on(el: El | undefined, name: string): boolean {
  const c = child(el, name);
  if (!c) return false;
  const v = c.attrs['w:val'];
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

/** Every descendant element of one name, in document order. */
export function descendants(el: El, name: string, out: El[] = []): El[] {
  for (const k of el.kids) {
    if (!isEl(k)) continue;
    if (k.name === name) out.push(k);
    descendants(k, name, out);
  }
  return out;
}

/** All text of an element's `w:t` descendants. */
export function textOf(el: El): string {
  return descendants(el, 'w:t')
    .map((t) => t.kids.filter((k): k is string => typeof k === 'string').join(''))
    .join('');
}
