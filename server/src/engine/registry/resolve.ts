// Party names against the registry, and the registry a plan gets. A carried prefix is restored
// only where the name does not stand on its own (内蒙古国税局、人民银行呼和浩特中心支行 keeps the
// bank's own name). With no registry file, or one that does not name its registries, the plan's
// place and date choose them (build.ts).
import type { Clause, Party, PlanModel } from '../model';
import { levelPrefix, standsAlone } from '../parse/names';
import { simplified } from '../parse/variants';
import { namedRegistry, placeKey, registryForPlace } from './build';
import { placeByName, readPlace, type Place } from './places';
import { normalizeName, Registry, type Agency, type PlanDate } from './registry';

/** 统计局 for 国家统计局: a national body's name without 国家, not its own (海关总署 is). */
function isBareNational(a: Agency, form: string): boolean {
  return a.level === 'national' && normalizeName(a.name) !== form && !/^(国家|中国|国务院|中央|全国|中华)/.test(form);
}

export function resolveParty(p: Party, registry: Registry | undefined, traditional: boolean): void {
  const written = normalizeName(p.written) + p.suffix;
  const carried = p.prefix ? p.prefix + written : undefined;
  if (p.collective) {
    // 各区、县级市: the collective keeps the 各 its list carries.
    p.name = carried ?? written;
    p.agency = p.agencyId = undefined;
    return;
  }
  if (registry) {
    // The carried form first (交通运输厅 → 自治区交通运输厅), then as written (满洲里海关 after 内蒙古…、);
    // in a plan written in traditional characters, their simplified forms.
    const forms = carried ? [carried, written] : [written];
    for (const form of forms) {
      const known = registry.lookup(form) ?? (traditional ? registry.lookup(simplified(form)) : undefined);
      // 市发展和改革委员会、统计局: after a local name, a national body's bare name (国家统计局) is the place's body.
      if (known && form === written && carried && isBareNational(known, form)) break;
      if (known) {
        p.name = form;
        p.agency = known.name;
        p.agencyId = known.id;
        p.shortForm = false;
        return;
      }
    }
    // Not a name the registry lists: a short form of one (区卫健局 for 区卫生健康局)?
    for (const form of forms) {
      const known = registry.shortFormOf(traditional ? simplified(form) : form);
      if (known && form === written && carried && isBareNational(known, form)) break;
      if (known) {
        p.name = form;
        p.agency = known.name;
        p.agencyId = known.id;
        p.shortForm = true;
        return;
      }
    }
  }
  p.name = carried && !standsAlone(written) ? carried : written;
  p.agency = p.agencyId = undefined;
  p.shortForm = false;
}

export function resolveModel(model: PlanModel, registry: Registry | undefined): void {
  for (const c of model.clauses) {
    // A reused clause of an unchanged line is resolved already, unless the registry changed.
    if (c.resolvedWith === registry && registry) continue;
    for (const p of c.parties) resolveParty(p, registry, model.traditional);
    c.resolvedWith = registry;
  }
}

// The level prefixes a clause writes, kept with the clause (reused while its line is unchanged).
const prefixesOf = new WeakMap<Clause, string[]>();

function clausePrefixes(c: Clause): string[] {
  let list = prefixesOf.get(c);
  if (!list) {
    list = [];
    for (const p of c.parties) {
      if (p.collective) continue;
      const pre = p.prefix || levelPrefix(normalizeName(p.written));
      if (pre) list.push(pre);
    }
    prefixesOf.set(c, list);
  }
  return list;
}

const HEAD = 3000;
const TAIL = 1500;
// A plan says where it is from early: its place is read from its first clauses only (bounded work per keystroke).
const PLACE_CLAUSES = 200;

/** What the place was read from: the same opening, end and clause prefixes give the same place. */
interface PlaceInput {
  head: string;
  tail: string;
  prefixes: Map<string, number>;
}

function placeInput(model: PlanModel): PlaceInput {
  const text = model.text;
  const prefixes = new Map<string, number>();
  const n = Math.min(model.clauses.length, PLACE_CLAUSES);
  for (let i = 0; i < n; i++) for (const pre of clausePrefixes(model.clauses[i])) prefixes.set(pre, (prefixes.get(pre) ?? 0) + 1);
  return { head: text.slice(0, HEAD), tail: text.length > HEAD ? text.slice(-TAIL) : '', prefixes };
}

function sameInput(a: PlaceInput, b: PlaceInput): boolean {
  if (a.head !== b.head || a.tail !== b.tail || a.prefixes.size !== b.prefixes.size) return false;
  for (const [k, v] of a.prefixes) if (b.prefixes.get(k) !== v) return false;
  return true;
}

/** The plan's place: from its opening, its end and the prefixes its first clauses write. */
export function placeOfModel(model: PlanModel): Place {
  return placeFrom(placeInput(model));
}

function placeFrom(input: PlaceInput): Place {
  return readPlace(input.head, input.tail, input.prefixes);
}

/** What a workspace registry file says about the registries under it (file.ts fills it in). */
export interface RegistryLayer {
  /** Named registries to use instead of the place's: national, 广东省, inner-mongolia … */
  extends: string[];
  place?: string;
  date?: PlanDate;
}

const named = new Map<string, Registry>();
const composed = new WeakMap<Registry, WeakMap<Registry, Registry>>();

function namedUnion(names: string[], date: PlanDate | undefined): Registry {
  const key = `${names.join(',')}|${date ? `${date.year}-${date.month ?? ''}` : ''}`;
  let r = named.get(key);
  if (!r) {
    r = new Registry(names, date);
    for (const n of names) for (const a of namedRegistry(n) ?? []) r.add(a);
    named.set(key, r);
  }
  return r;
}

/** The base registry and the workspace file's own entries over it (the file's entries win). */
function compose(base: Registry, file: Registry): Registry {
  let byFile = composed.get(base);
  if (!byFile) composed.set(base, (byFile = new WeakMap()));
  let r = byFile.get(file);
  if (r) return r;
  r = new Registry([...base.sources, ...file.sources], base.date);
  for (const a of base.agencies) r.add(a);
  for (const a of file.agencies) r.add(a, true);
  for (const name of file.retired) r.retire(name);
  for (const n of file.ignore) r.ignore.add(n);
  byFile.set(file, r);
  return r;
}

export interface Chosen {
  registry: Registry;
  place: Place;
  /** Reuse key: the same key and file, the same registry. */
  key: string;
  file?: Registry;
  /** What the place was read from, to read it again only when that changes. */
  input: PlaceInput;
}

/**
 * The registry a plan is checked against: the workspace file's (over the registries it names,
 * or over the place's), else the place's own. `previous`: the last choice for this document,
 * reused while its key holds.
 */
export function chooseRegistry(model: PlanModel, file: Registry | undefined, previous?: Chosen): Chosen {
  const layer = file?.layer;
  const date = layer?.date ?? model.date?.date;
  const forced = layer?.place ? placeByName(layer.place) : undefined;
  const input = placeInput(model);
  const place = forced ?? (previous && sameInput(previous.input, input) ? previous.place : placeFrom(input));
  const key = `${placeKey(place, date)}|${layer?.extends.join(',') ?? ''}`;
  if (previous && previous.key === key && previous.file === file) return { ...previous, input };
  const base = layer?.extends.length ? namedUnion(layer.extends, date) : registryForPlace(place, date);
  return { registry: file ? compose(base, file) : base, place, key, file, input };
}

/** The union of named registries (national, a province, the old preset names) as one registry. */
export function presetRegistry(names: string[], date?: PlanDate): Registry {
  return namedUnion(names, date);
}

/** One named registry (national, a province's by name), built once per date. */
export function presetFor(name: string, date?: PlanDate): Registry {
  return namedUnion([name], date);
}
