// Minimal edits to a fengong.registry.json: keep every byte the user wrote outside the change
// (jsonc-parser's modify keeps comments and formatting).
import * as jsonc from 'jsonc-parser';
import type { TextEdit } from '../edits';
import type { PlanModel } from '../model';
import { agencyKey } from '../features/at';
import { effectiveNode, parseProjectJson } from './jsonText';

function detectFormatting(text: string): jsonc.FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** The indentation of the line an offset stands on. */
function indentAt(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/**
 * Where a new item goes after the last one, which ends at `end`: past the comma and the comments
 * that follow it on its line, so a trailing `// 县级` stays with the entry it describes.
 */
function afterLast(text: string, end: number): { at: number; comma: boolean } {
  let at = end;
  let comma = false;
  let i = end;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === ',' && !comma) {
      comma = true;
      at = ++i;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      return { at: i, comma };
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return { at, comma };
      at = i = close + 2;
    } else return { at, comma };
  }
}

/**
 * An insertion into an empty `[ ]` or `{ }` (from its opener to its closer): after whatever
 * comments are inside, replacing only the blanks before the closer.
 */
function intoEmpty(text: string, opener: number, closer: number, body: string, indent: string, eol: string): TextEdit {
  let start = closer;
  while (start > opener + 1 && /\s/.test(text[start - 1])) start--;
  return { span: { start, end: closer }, newText: `${eol}${body}${eol}${indent}` };
}

/**
 * Appends `{ "name": … }` (with `"aliases"` when given: a renamed body keeps its old name) to
 * the agencies array in effect (the last one, if the key is repeated; created if missing). The
 * edits only insert, or replace blanks: every comment stays where it was. Undefined when the
 * file is not JSON, or `agencies` is not an array.
 */
export function addAgencyEdits(registryText: string, name: string, aliases: string[] = []): TextEdit[] | undefined {
  const { root, errors } = parseProjectJson(registryText);
  if (!root || errors.length || root.type !== 'object') return undefined;
  const fmt = detectFormatting(registryText);
  const step = fmt.insertSpaces ? ' '.repeat(fmt.tabSize ?? 2) : '\t';
  const eol = fmt.eol ?? '\n';
  const entry = `{ "name": ${JSON.stringify(name)}${aliases.length ? `, "aliases": [${aliases.map((a) => JSON.stringify(a)).join(', ')}]` : ''} }`;
  const agencies = effectiveNode(root, ['agencies']);
  if (agencies && agencies.type !== 'array') return undefined; // leave the user's file alone
  // Into the array, or a new `"agencies"` property into the root object.
  const container = agencies ?? root;
  const items = container.children ?? [];
  const indent = indentAt(registryText, container.offset);
  const closer = container.offset + container.length - 1;
  if (!items.length) {
    const body = agencies ? `${indent}${step}${entry}` : `${indent}${step}"agencies": [${eol}${indent}${step}${step}${entry}${eol}${indent}${step}]`;
    return [intoEmpty(registryText, container.offset, closer, body, indent, eol)];
  }
  const last = items[items.length - 1];
  const lastIndent = indentAt(registryText, last.offset);
  const body = agencies ? entry : `"agencies": [${eol}${lastIndent}${step}${entry}${eol}${lastIndent}]`;
  const end = last.offset + last.length;
  const { at, comma } = afterLast(registryText, end);
  const insert = `${eol}${lastIndent}${body}`;
  // Two insertions at one offset would depend on the order edits are applied in: make them one.
  if (comma || at === end) return [{ span: { start: at, end: at }, newText: `${comma ? '' : ','}${insert}` }];
  return [
    { span: { start: end, end }, newText: ',' },
    { span: { start: at, end: at }, newText: insert },
  ];
}

/** Renames a registry entry, keeping the old name as an alias so older documents still resolve. */
export function renameAgencyEdits(registryText: string, entryIndex: number, oldName: string, newName: string): TextEdit[] | undefined {
  const { root, errors } = parseProjectJson(registryText);
  if (!root || errors.length) return undefined;
  const entry = effectiveNode(root, ['agencies', entryIndex]);
  const nameNode = entry && effectiveNode(entry, ['name']);
  if (!entry || !nameNode) return undefined;
  const edits: TextEdit[] = [{ span: { start: nameNode.offset, end: nameNode.offset + nameNode.length }, newText: JSON.stringify(newName) }];
  const aliases = effectiveNode(entry, ['aliases']);
  const existing = (aliases?.children ?? []).map((c) => c.value);
  if (existing.includes(oldName)) return edits;
  const old = JSON.stringify(oldName);
  if (aliases?.type === 'array') {
    const items = aliases.children ?? [];
    const at = items.length ? items[items.length - 1].offset + items[items.length - 1].length : aliases.offset + 1;
    edits.push({ span: { start: at, end: at }, newText: items.length ? `, ${old}` : old });
  } else if (!aliases) {
    // After the name's property: `"name": "X"` becomes `"name": "Y", "aliases": ["X"]`.
    const prop = nameNode.parent!;
    const at = prop.offset + prop.length;
    edits.push({ span: { start: at, end: at }, newText: `, "aliases": [${old}]` });
  }
  return edits;
}

/** A registry file for a document: its parties become entries (the preset they fit is extended). */
export function registryFromDocument(model: PlanModel, preset: string | undefined): string {
  const names = new Set<string>();
  for (const c of model.clauses) for (const p of c.parties) if (!p.collective && !p.agency) names.add(agencyKey(p));
  const file = {
    extends: preset ? [preset] : [],
    agencies: [...names].sort().map((name) => ({ name })),
    ignore: [] as string[],
  };
  return JSON.stringify(file, null, 2) + '\n';
}
