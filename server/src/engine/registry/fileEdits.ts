// Minimal edits to a fengong.registry.json: keep every byte the user wrote outside the change
// (jsonc-parser's modify keeps comments and formatting).
import * as jsonc from 'jsonc-parser';
import type { TextEdit } from '../edits';
import type { PlanModel } from '../model';
import { agencyKey } from '../features/at';
import { parseProjectJson } from './jsonText';

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
 * Appends `{ "name": … }` (with `"aliases"` when given: a renamed body keeps its old name) to
 * the agencies array (creating the array if needed), touching nothing else: jsonc-parser
 * locates, the insertion is ours. Undefined when the file is not JSON.
 */
export function addAgencyEdits(registryText: string, name: string, aliases: string[] = []): TextEdit[] | undefined {
  const { root, errors } = parseProjectJson(registryText);
  if (!root || errors.length || root.type !== 'object') return undefined;
  const fmt = detectFormatting(registryText);
  const step = fmt.insertSpaces ? ' '.repeat(fmt.tabSize ?? 2) : '\t';
  const eol = fmt.eol ?? '\n';
  const entry = `{ "name": ${JSON.stringify(name)}${aliases.length ? `, "aliases": [${aliases.map((a) => JSON.stringify(a)).join(', ')}]` : ''} }`;
  const agencies = jsonc.findNodeAtLocation(root, ['agencies']);
  if (agencies?.type === 'array') {
    const items = agencies.children ?? [];
    if (items.length) {
      const last = items[items.length - 1];
      const at = last.offset + last.length;
      return [{ span: { start: at, end: at }, newText: `,${eol}${indentAt(registryText, last.offset)}${entry}` }];
    }
    const inner = indentAt(registryText, agencies.offset);
    const at = agencies.offset + 1;
    return [{ span: { start: at, end: agencies.offset + agencies.length - 1 }, newText: `${eol}${inner}${step}${step}${entry}${eol}${inner}${step}` }];
  }
  if (agencies) return undefined; // "agencies" is not an array: leave the user's file alone
  const props = root.children ?? [];
  const block = `"agencies": [${eol}${step}${step}${entry}${eol}${step}]`;
  if (props.length) {
    const last = props[props.length - 1];
    const at = last.offset + last.length;
    return [{ span: { start: at, end: at }, newText: `,${eol}${indentAt(registryText, last.offset)}${block}` }];
  }
  return [{ span: { start: root.offset + 1, end: root.offset + root.length - 1 }, newText: `${eol}${step}${block}${eol}` }];
}

/** Renames a registry entry, keeping the old name as an alias so older documents still resolve. */
export function renameAgencyEdits(registryText: string, entryIndex: number, oldName: string, newName: string): TextEdit[] | undefined {
  const { root, errors } = parseProjectJson(registryText);
  if (!root || errors.length) return undefined;
  const entry = jsonc.findNodeAtLocation(root, ['agencies', entryIndex]);
  const nameNode = entry && jsonc.findNodeAtLocation(entry, ['name']);
  if (!entry || !nameNode) return undefined;
  const edits: TextEdit[] = [{ span: { start: nameNode.offset, end: nameNode.offset + nameNode.length }, newText: JSON.stringify(newName) }];
  const aliases = jsonc.findNodeAtLocation(entry, ['aliases']);
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
