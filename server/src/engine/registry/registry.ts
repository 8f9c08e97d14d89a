// The agency registry: who exists, under which names. Built from presets and the
// workspace's fengong.registry.json; the file's text comes in from the adapters (no I/O here).
import * as z from 'zod/mini';
import * as jsonc from 'jsonc-parser';
import type { Span } from '../text';
import innerMongolia from './presets/inner-mongolia.json';
import stateCouncil from './presets/state-council.json';

export const LEVELS = ['national', 'provincial', 'prefectural', 'county', 'branch', 'enterprise', 'other'] as const;
export type Level = (typeof LEVELS)[number];

// zod/mini: the same validation and JSON Schema as zod, a tenth of the bundle (start-up time).
const trimmed = () => z.string().check(z.trim(), z.minLength(1));

export const AgencySchema = z.strictObject({
  name: trimmed().check(z.describe('单位规范名称 / canonical name, as drafters write it')),
  aliases: z.optional(z.array(trimmed()).check(z.describe('其他名称：全称、简称、旧称 / other names'))),
  level: z.optional(z.enum(LEVELS).check(z.describe('层级 / level'))),
  note: z.optional(z.string()),
});

export const RegistryFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  extends: z.optional(z.array(z.string()).check(z.describe('继承的预设 / presets to extend: inner-mongolia, state-council'))),
  agencies: z.optional(z.array(AgencySchema).check(z.describe('本工作区的单位 / this workspace’s agencies'))),
  ignore: z.optional(z.array(z.string()).check(z.describe('不检查的名称 / names never reported'))),
});

export const PresetSchema = z.object({
  name: z.string(),
  description: z.optional(z.string()),
  agencies: z.array(AgencySchema),
});

export type AgencyEntry = z.infer<typeof AgencySchema>;
export type RegistryFile = z.infer<typeof RegistryFileSchema>;

/** Where an agency comes from: a preset shipped with the engine, or a workspace registry file. */
export type AgencySource = { kind: 'preset'; preset: string } | { kind: 'file'; path: string };

export interface Agency {
  name: string;
  aliases: string[];
  level?: Level;
  source: AgencySource;
  /** Where the entry stands in the registry file, when it comes from one. */
  entrySpan?: Span;
  entryIndex?: number;
  nameSpan?: Span;
}

// The presets ship with the engine and are validated by the tests (registry.test.ts), not at start-up.
export const PRESETS: Record<string, z.infer<typeof PresetSchema>> = {
  'inner-mongolia': innerMongolia as z.infer<typeof PresetSchema>,
  'state-council': stateCouncil as z.infer<typeof PresetSchema>,
};

export function normalizeName(name: string): string {
  return name.replace(/[\s\u3000\u00a0\ufeff\u200b]+/g, '');
}

export class Registry {
  readonly agencies: Agency[] = [];
  private readonly byName = new Map<string, Agency>();
  readonly ignore = new Set<string>();
  private bigrams?: { agency: Agency; name: string; grams: Set<string> }[];

  /** `sources`: the presets and file this registry was built from, for the status bar and hover. */
  constructor(readonly sources: AgencySource[] = []) {}

  /** `override`: a workspace entry wins over a preset's entry of the same name. */
  add(agency: Agency, override = false): void {
    this.agencies.push(agency);
    for (const n of [agency.name, ...agency.aliases]) {
      const key = normalizeName(n);
      if (override || !this.byName.has(key)) this.byName.set(key, agency);
    }
    this.bigrams = undefined;
  }

  lookup(name: string): Agency | undefined {
    return this.byName.get(name) ?? this.byName.get(normalizeName(name));
  }

  isIgnored(name: string): boolean {
    return this.ignore.has(normalizeName(name));
  }

  get size(): number {
    return this.agencies.length;
  }

  /** Every name and alias, with its agency: what completion offers. */
  *names(): Iterable<[string, Agency]> {
    yield* this.byName.entries();
  }

  /** The registry names nearest to an unknown one (shared character pairs), best first. */
  nearest(name: string, limit = 3): string[] {
    // Agency names are short; a long run of text in a clause is no misspelt name.
    if (name.length > 40) return [];
    if (!this.bigrams) {
      this.bigrams = [];
      for (const [n, agency] of this.byName) this.bigrams.push({ agency, name: n, grams: bigramsOf(n) });
    }
    const grams = bigramsOf(normalizeName(name));
    if (grams.size === 0) return [];
    const scored = new Map<string, number>();
    for (const entry of this.bigrams) {
      let shared = 0;
      for (const g of grams) if (entry.grams.has(g)) shared++;
      if (shared === 0) continue;
      const score = (2 * shared) / (grams.size + entry.grams.size);
      const prev = scored.get(entry.agency.name) ?? 0;
      if (score > prev) scored.set(entry.agency.name, score);
    }
    return [...scored.entries()]
      .filter(([, s]) => s >= 0.4)
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
      .slice(0, limit)
      .map(([n]) => n);
  }
}

function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

export function presetRegistry(names: string[]): Registry {
  const registry = new Registry(names.map((preset) => ({ kind: 'preset', preset })));
  for (const n of names) addPreset(registry, n);
  return registry;
}

function addPreset(registry: Registry, name: string): boolean {
  const preset = PRESETS[name];
  if (!preset) return false;
  const source: AgencySource = { kind: 'preset', preset: name };
  for (const a of preset.agencies) registry.add({ name: a.name, aliases: a.aliases ?? [], level: a.level, source });
  return true;
}

export interface RegistryFinding {
  code: 'registry.invalid-json' | 'registry.invalid' | 'registry.unknown-preset' | 'registry.duplicate-name';
  span: Span;
  args: Record<string, string>;
}

export interface LoadedRegistry {
  /** Undefined when the file cannot be used at all: keep the last good registry. */
  registry?: Registry;
  findings: RegistryFinding[];
}

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
  const presets = file.extends ?? [];
  const source: AgencySource = { kind: 'file', path };
  const registry = new Registry([...presets.filter((p) => p in PRESETS).map((preset): AgencySource => ({ kind: 'preset', preset })), source]);
  presets.forEach((p, i) => {
    if (!addPreset(registry, p)) {
      const node = locate(root, ['extends', i]);
      findings.push({ code: 'registry.unknown-preset', span: { start: node.offset, end: node.offset + node.length }, args: { preset: p, known: Object.keys(PRESETS).join(', ') } });
    }
  });
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
    // A workspace entry overrides a preset's entry of the same name.
    registry.add({
      name: a.name,
      aliases: a.aliases ?? [],
      level: a.level,
      source,
      entryIndex: i,
      entrySpan: { start: entry.offset, end: entry.offset + entry.length },
      nameSpan: { start: nameNode.offset, end: nameNode.offset + nameNode.length },
    }, true);
  });
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
