// The project file, fengong.json (or fengong.registry.json, its old name): its own agencies
// (added, or overriding a data entry of the same name), the names it retires, names never
// reported, optionally the registries it extends, the place and the date; and the rules' levels
// and the findings' language. Its text comes in from the adapters (no I/O here); a broken file
// gives located findings and no registry, so the adapters keep the last good one.
import * as jsonc from 'jsonc-parser';
import type { Span } from '../text';
import type { Locale, SeverityOverrides, Severity } from '../rules/rules';
import { planRuleCodes } from '../rules/descriptions';
import { namedRegistry } from './build';
import { effectiveNode, parseProjectJson } from './jsonText';
import { Registry, normalizeName, parseDate } from './registry';
import { schemas, type RuleLevel } from './schema';

export interface RegistryFinding {
  code: 'registry.invalid-json' | 'registry.invalid' | 'registry.unknown-preset' | 'registry.duplicate-name' | 'registry.unknown-place' | 'registry.unknown-rule' | 'registry.unreadable';
  span: Span;
  args: Record<string, string>;
}

/** A project file's registry, with the file's rules and messages: `analyze` applies them under the caller's own. */
export class ProjectRegistry extends Registry {
  /** Severities by code, `off` as `ignore`; undefined when the file sets none. */
  rules?: SeverityOverrides;
  messages?: Locale;
  /** The source document (上位文件) as the file names it: a path relative to the project file. */
  source?: string;
}

/** The language a project file asks findings in, when the registry is one that says. */
export function projectMessages(registry: Registry | undefined): Locale | undefined {
  return registry instanceof ProjectRegistry ? registry.messages : undefined;
}

export interface LoadedRegistry {
  /** Undefined when the file cannot be used at all: keep the last good registry. */
  registry?: Registry;
  findings: RegistryFinding[];
}

/** The names `extends` accepts besides places: the national bodies, and the old preset names. */
export const NAMED = ['national', 'state-council', 'inner-mongolia'];

/**
 * Reads a fengong.registry.json text (JSON with comments allowed, a BOM accepted, nesting
 * bounded). Total: whatever the text, findings and a registry or findings alone, never a throw.
 */
export function loadRegistryFile(text: string, path: string): LoadedRegistry {
  try {
    return load(text, path);
  } catch (e) {
    // A fault of ours, not of the file: say so in the file rather than take its plans down.
    return { findings: [{ code: 'registry.invalid', span: { start: 0, end: Math.min(1, text.length) }, args: { path: '(root)', error: e instanceof Error ? e.message : String(e) } }] };
  }
}

function load(text: string, path: string): LoadedRegistry {
  const findings: RegistryFinding[] = [];
  const { root, errors, tooDeep } = parseProjectJson(text);
  if (errors.length || !root) {
    for (const e of errors.slice(0, 20)) {
      // An error at the end of the file points at its last character.
      const start = Math.max(0, Math.min(e.offset, text.length - 1));
      findings.push({
        code: 'registry.invalid-json',
        span: { start, end: Math.min(text.length, Math.max(start + 1, e.offset + e.length)) },
        args: { error: e.error },
      });
    }
    if (!root && !tooDeep) findings.push({ code: 'registry.invalid-json', span: { start: 0, end: Math.min(1, text.length) }, args: { error: 'empty' } });
    return { findings };
  }
  const value = jsonc.getNodeValue(root);
  const parsed = schemas().RegistryFileSchema.safeParse(value);
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
  const registry = new ProjectRegistry([path]);
  registry.rules = rulesOf(file.rules, root, findings);
  registry.messages = file.messages;
  registry.source = file.source?.trim() || undefined;
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
  // In the file's order, as a reader meets them.
  findings.sort((a, b) => a.span.start - b.span.start);
  return { registry, findings };
}

/** The deepest node along a path, so a finding points as close to the fault as the file allows. */
function locate(root: jsonc.Node, path: (string | number)[]): jsonc.Node {
  let node = root;
  for (const key of path) {
    const next = effectiveNode(node, [key]);
    if (!next) break;
    node = next;
  }
  // For a property, point at its key and value together.
  return node.parent && node.parent.type === 'property' ? node.parent : node;
}

const LEVEL_SEVERITY: Record<RuleLevel, Severity> = { off: 'ignore', hint: 'hint', info: 'info', warning: 'warning', error: 'error' };

/** The file's `rules` as severity overrides; an unknown code is pointed at by its key. */
function rulesOf(rules: Record<string, RuleLevel> | undefined, root: jsonc.Node, findings: RegistryFinding[]): SeverityOverrides | undefined {
  if (!rules) return undefined;
  const known = new Set<string>(planRuleCodes());
  const out: SeverityOverrides = {};
  for (const [code, level] of Object.entries(rules)) {
    if (known.has(code)) {
      out[code] = LEVEL_SEVERITY[level];
      continue;
    }
    const key = effectiveNode(root, ['rules', code])?.parent?.children?.[0];
    const node = key ?? locate(root, ['rules']);
    findings.push({ code: 'registry.unknown-rule', span: { start: node.offset, end: node.offset + node.length }, args: { rule: code, known: [...known].join(', ') } });
  }
  return out;
}

// One merged object per (file's rules, caller's severities): the engine keeps a clause's
// findings while the severities object it was checked with stays the same.
const merged = new WeakMap<object, WeakMap<object, SeverityOverrides>>();
const NO_OVERRIDES: SeverityOverrides = {};

/**
 * The analysis options with a project file's rules and messages applied: the caller's own
 * severities win over the file's by code, and its locale over the file's messages.
 */
export function projectOptions<T extends { registry?: Registry; severities?: SeverityOverrides; locale?: Locale }>(options: T): T {
  const r = options.registry;
  if (!(r instanceof ProjectRegistry) || (!r.rules && !r.messages)) return options;
  let severities = options.severities;
  if (r.rules) {
    const own = options.severities ?? NO_OVERRIDES;
    let byOwn = merged.get(r.rules);
    if (!byOwn) merged.set(r.rules, (byOwn = new WeakMap()));
    severities = byOwn.get(own);
    if (!severities) byOwn.set(own, (severities = { ...r.rules, ...own }));
  }
  return { ...options, severities, locale: options.locale ?? r.messages };
}
