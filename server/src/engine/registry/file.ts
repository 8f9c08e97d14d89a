// The workspace's fengong.registry.json: its own agencies (added, or overriding a data entry of
// the same name), the names it retires, names never reported, and optionally the registries it
// extends, the place and the date. Its text comes in from the adapters (no I/O here); a broken
// file gives located findings and no registry, so the adapters keep the last good one.
import * as z from 'zod/mini';
import * as jsonc from 'jsonc-parser';
import type { Span } from '../text';
import { namedRegistry } from './build';
import { Registry, normalizeName, parseDate } from './registry';
import { RegistryFileSchema } from './schema';

export interface RegistryFinding {
  code: 'registry.invalid-json' | 'registry.invalid' | 'registry.unknown-preset' | 'registry.duplicate-name' | 'registry.unknown-place';
  span: Span;
  args: Record<string, string>;
}

export interface LoadedRegistry {
  /** Undefined when the file cannot be used at all: keep the last good registry. */
  registry?: Registry;
  findings: RegistryFinding[];
}

/** The names `extends` accepts besides places: the national bodies, and the old preset names. */
export const NAMED = ['national', 'state-council', 'inner-mongolia'];

/** Reads a fengong.registry.json text (JSON with comments allowed). Never throws. */
export function loadRegistryFile(text: string, path: string): LoadedRegistry {
  const findings: RegistryFinding[] = [];
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) {
    for (const e of errors.slice(0, 20)) {
      // An error at the end of the file points at its last character.
      const start = Math.max(0, Math.min(e.offset, text.length - 1));
      findings.push({
        code: 'registry.invalid-json',
        span: { start, end: Math.min(text.length, Math.max(start + 1, e.offset + e.length)) },
        args: { error: jsonc.printParseErrorCode(e.error) },
      });
    }
    if (!root) findings.push({ code: 'registry.invalid-json', span: { start: 0, end: Math.min(1, text.length) }, args: { error: 'empty' } });
    return { findings };
  }
  const value = jsonc.getNodeValue(root);
  const parsed = RegistryFileSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      const node = locate(root, issue.path as (string | number)[]);
      findings.push({
        code: 'registry.invalid',
        span: { start: node.offset, end: node.offset + node.length },
        args: { path: issue.path.join('.') || '(root)', error: issue.message },
      });
    }
    return { findings };
  }
  const file = parsed.data;
  const known: string[] = [];
  (file.extends ?? []).forEach((p, i) => {
    if (namedRegistry(p)) known.push(p);
    else {
      const node = locate(root, ['extends', i]);
      findings.push({ code: 'registry.unknown-preset', span: { start: node.offset, end: node.offset + node.length }, args: { preset: p, known: `${NAMED.join(', ')}, 省份名称 (a province by name)` } });
    }
  });
  const registry = new Registry([path]);
  registry.layer = { extends: known, place: file.place, date: parseDate(file.date) };
  if (file.place && !namedRegistry(file.place) && !/[省市区县旗州盟]/.test(file.place)) {
    const node = locate(root, ['place']);
    findings.push({ code: 'registry.unknown-place', span: { start: node.offset, end: node.offset + node.length }, args: { place: file.place } });
  }
  const seen = new Map<string, number>();
  (file.agencies ?? []).forEach((a, i) => {
    const entry = locate(root, ['agencies', i]);
    const nameNode = locate(root, ['agencies', i, 'name']);
    const names = [a.name, ...(a.aliases ?? [])];
    names.forEach((n, k) => {
      const key = normalizeName(n);
      const other = seen.get(key);
      if (other !== undefined && other !== i) {
        const node = k === 0 ? nameNode : locate(root, ['agencies', i, 'aliases', k - 1]);
        findings.push({ code: 'registry.duplicate-name', span: { start: node.offset, end: node.offset + node.length }, args: { name: n } });
      } else seen.set(key, i);
    });
    // A workspace entry overrides a data entry of the same name.
    registry.add(
      {
        id: `${path}#${i}`,
        name: a.name,
        fullName: a.fullName,
        aliases: [...(a.fullName && a.fullName !== a.name ? [a.fullName] : []), ...(a.aliases ?? [])],
        level: a.level,
        kind: a.kind,
        parent: undefined,
        since: a.since,
        until: a.until,
        successors: a.successor ? [{ name: a.successor, kind: 'rename' }] : [],
        reform: undefined,
        place: undefined,
        source: { kind: 'file', path },
        entryIndex: i,
        entrySpan: { start: entry.offset, end: entry.offset + entry.length },
        nameSpan: { start: nameNode.offset, end: nameNode.offset + nameNode.length },
      },
      true,
    );
  });
  for (const n of file.retire ?? []) registry.retired.push(n);
  for (const n of file.ignore ?? []) registry.ignore.add(normalizeName(n));
  return { registry, findings };
}

/** The deepest node along a path, so a finding points as close to the fault as the file allows. */
function locate(root: jsonc.Node, path: (string | number)[]): jsonc.Node {
  let node = root;
  for (const key of path) {
    const next = jsonc.findNodeAtLocation(node, [key]);
    if (!next) break;
    node = next;
  }
  // For a property, point at its key and value together.
  return node.parent && node.parent.type === 'property' ? node.parent : node;
}

/** JSON Schema for fengong.registry.json, generated from the same zod schema the engine validates with. */
export function registryJsonSchema(): object {
  return z.toJSONSchema(RegistryFileSchema);
}
