// The agency registry: who exists, under which names, from when to when. Built from the agency
// data (build.ts), the old typed presets and the workspace's fengong.registry.json (file.ts); no
// I/O here. A name may belong to bodies of different times (国家海洋局 before and after 2018):
// lookups pick the one current at the registry's date.
import { simplified } from '../parse/variants';
import type { Level } from './schema';
import type { RegistryLayer } from './resolve';
import type { Span } from '../text';

export { LEVELS, type Level } from './schema';

/** Where an entry comes from: a data file (with the public source it cites), a typed preset, or the workspace file. */
export type AgencySource =
  | { kind: 'data'; file: string; title: string; url?: string }
  | { kind: 'preset'; name: string }
  | { kind: 'file'; path: string };

export interface Successor {
  /** The successor's canonical name. */
  name: string;
  kind: 'rename' | 'merge' | 'split';
  part?: string;
}

export interface Agency {
  /** Stable within its registry: `national:mnr`, `44:fgw`, a file path and index. */
  id: string;
  name: string;
  fullName?: string;
  aliases: string[];
  level?: Level;
  kind?: string;
  /** The managing body's canonical name (a 国家局's ministry). */
  parent?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  since?: string;
  until?: string;
  successors: Successor[];
  reform?: string;
  /** The place the body belongs to (广东省, 武汉市), when it is a local one. */
  place?: string;
  /** The name State Council texts write without 国家 / 中国 (统计局 for 国家统计局), when derived. */
  bare?: string;
  source: AgencySource;
  /** Where the entry stands in the registry file, when it comes from one. */
  entrySpan?: Span;
  entryIndex?: number;
  nameSpan?: Span;
}

/** A plan's date, as precise as the plan says. */
export interface PlanDate {
  year: number;
  month?: number;
  day?: number;
}

export function normalizeName(name: string): string {
  return name.replace(/[\s\u3000\u00a0\ufeff\u200b]+/g, '');
}

/** YYYY[-MM[-DD]] as a date. */
export function parseDate(text: string | undefined): PlanDate | undefined {
  const m = text ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text) : null;
  return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined } : undefined;
}

/**
 * Whether `a` is before `b`, comparing only what both state: 2018 is not before 2018-06, and
 * a year's body stays current through that year (a 2018 plan may name the old body).
 */
export function isBefore(a: PlanDate, b: PlanDate): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (a.month === undefined || b.month === undefined) return false;
  if (a.month !== b.month) return a.month < b.month;
  if (a.day === undefined || b.day === undefined) return false;
  return a.day < b.day;
}

export type Standing = 'current' | 'superseded' | 'future';

/** Where an agency stands at a date: abolished before it, set up after it, or current. */
export function standingAt(agency: Agency, date: PlanDate | undefined): Standing {
  if (!date) return 'current';
  const until = parseDate(agency.until);
  if (until && isBefore(until, date)) return 'superseded';
  const since = parseDate(agency.since);
  if (since && isBefore(date, since)) return 'future';
  return 'current';
}

const RANK: Record<Standing, number> = { current: 0, future: 1, superseded: 2 };

export class Registry {
  readonly agencies: Agency[] = [];
  private readonly byName = new Map<string, Agency[]>();
  private readonly byId = new Map<string, Agency>();
  readonly ignore = new Set<string>();
  /** A workspace file's registry: what it says of the registries under it, and the names it retires. */
  layer?: RegistryLayer;
  readonly retired: string[] = [];
  private bigrams?: { agency: Agency; name: string; prefix: string; core: string; grams: Set<string> }[];
  private currentList?: Agency[];
  private shortIndex?: Map<string, { prefix: string; core: string; agency: Agency }[]>;
  private readonly shortCache = new Map<string, Agency | null>();

  /**
   * `sources`: what this registry was built from, for the status bar and hover (national data,
   * a province, a preset, the registry file's path). `date`: the plan's date lookups are for.
   */
  constructor(
    readonly sources: string[] = [],
    readonly date?: PlanDate,
  ) {}

  /** `override`: the entry wins over earlier entries of the same names (a workspace entry over the data's). */
  add(agency: Agency, override = false): void {
    this.agencies.push(agency);
    this.byId.set(agency.id, agency);
    for (const n of [agency.name, ...agency.aliases]) {
      const key = normalizeName(n);
      const list = this.byName.get(key);
      if (!list) this.byName.set(key, [agency]);
      else if (!list.includes(agency)) {
        if (override) list.unshift(agency);
        else list.push(agency);
      }
    }
    this.bigrams = undefined;
    this.currentList = undefined;
    this.shortIndex = undefined;
    this.shortCache.clear();
  }

  /** Drops every entry under a name (the workspace file's `retire`). */
  retire(name: string): void {
    const key = normalizeName(name);
    const gone = new Set(this.byName.get(key) ?? []);
    if (!gone.size) return;
    for (const [k, list] of this.byName) {
      const kept = list.filter((a) => !gone.has(a));
      if (kept.length) this.byName.set(k, kept);
      else this.byName.delete(k);
    }
    for (const a of gone) this.byId.delete(a.id);
    this.agencies.splice(0, this.agencies.length, ...this.agencies.filter((a) => !gone.has(a)));
    this.bigrams = undefined;
    this.currentList = undefined;
  }

  /** The body a name stands for at the registry's date: a current one before one of another time. */
  lookup(name: string): Agency | undefined {
    const list = this.byName.get(name) ?? this.byName.get(normalizeName(name));
    if (!list) return undefined;
    if (list.length === 1 || !this.date) return list[0];
    let best = list[0];
    let rank = RANK[standingAt(best, this.date)];
    for (let i = 1; i < list.length && rank > 0; i++) {
      const r = RANK[standingAt(list[i], this.date)];
      if (r < rank) (best = list[i]), (rank = r);
    }
    return best;
  }

  /**
   * The one current body whose name a short form abbreviates: 区卫健局 for 区卫生健康局, 自治区外事办
   * for 自治区政府外事办公室, 内蒙古国税局 for 内蒙古自治区国税局. The short form keeps the name's level
   * (or the place's short name), its last word (办 for 办公室, 委 for 委员会) and its characters in
   * order; of several such bodies, none is chosen.
   */
  shortFormOf(name: string): Agency | undefined {
    const plain = normalizeName(name);
    const hit = this.shortCache.get(plain);
    if (hit !== undefined) return hit ?? undefined;
    if (!this.shortIndex) {
      this.shortIndex = new Map();
      for (const [n, agency] of this.names()) {
        // Only a body of the plan's own time: 广电局 in 2014 is no short form of the 2018 广播电视局.
        if (this.standing(agency) !== 'current') continue;
        const { prefix, core, end } = splitName(n);
        if (!end) continue;
        const list = this.shortIndex.get(end);
        if (list) list.push({ prefix, core, agency });
        else this.shortIndex.set(end, [{ prefix, core, agency }]);
      }
    }
    const u = splitName(plain);
    let found: Agency | undefined;
    let ambiguous = false;
    let best = Infinity;
    for (const c of (u.end && this.shortIndex.get(u.end)) || []) {
      if (!samePlace(u.prefix, c.prefix) || !isSubsequence(u.core, c.core) || c.core.length === u.core.length && c.core !== u.core) continue;
      const d = c.core.length - u.core.length;
      if (d < best) (best = d), (found = c.agency), (ambiguous = false);
      else if (d === best && c.agency !== found) ambiguous = true;
    }
    const out = found && !ambiguous ? found : undefined;
    if (this.shortCache.size < 5000) this.shortCache.set(plain, out ?? null);
    return out;
  }

  /** Every body that has carried this name. */
  lookupAll(name: string): Agency[] {
    return this.byName.get(name) ?? this.byName.get(normalizeName(name)) ?? [];
  }

  byIdOf(id: string): Agency | undefined {
    return this.byId.get(id);
  }

  standing(agency: Agency): Standing {
    return standingAt(agency, this.date);
  }

  isIgnored(name: string): boolean {
    return this.ignore.has(normalizeName(name));
  }

  get size(): number {
    return this.agencies.length;
  }

  /** The bodies current at the registry's date (without one: today's, those not abolished), each once: what completion offers. */
  current(): Agency[] {
    if (!this.currentList) {
      this.currentList = this.agencies.filter((a) => this.lookup(a.name) === a && (this.date ? this.standing(a) !== 'superseded' : !a.until));
    }
    return this.currentList;
  }

  /** Every name and alias of a current body, with its body. */
  *names(): Iterable<[string, Agency]> {
    for (const [n, list] of this.byName) {
      const a = this.lookup(n);
      if (a && list.includes(a) && this.standing(a) !== 'superseded') yield [n, a];
    }
  }

  /**
   * The registry names nearest to an unknown one, best first: its simplified or variant form
   * (商務厅 → 商务厅), then a name one character away, then names sharing character pairs; among
   * equals, bodies of the same level and place as `near` (the name's own prefix) first.
   */
  nearest(name: string, limit = 3): string[] {
    // Agency names are short; a long run of text in a clause is no misspelt name.
    if (name.length > 40) return [];
    const plain = normalizeName(name);
    const out: string[] = [];
    const push = (n: string) => {
      if (!out.includes(n) && out.length < limit) out.push(n);
    };
    const simple = simplified(plain);
    if (simple !== plain) {
      const a = this.lookup(simple);
      if (a && this.standing(a) !== 'superseded') push(a.name);
    }
    if (!this.bigrams) {
      this.bigrams = [];
      for (const [n, agency] of this.names()) {
        const { prefix, core } = splitName(n);
        this.bigrams.push({ agency, name: n, prefix, core, grams: bigramsOf(core) });
      }
    }
    // The core (the name after its level prefix) decides: 自治区不存在厅 is near no 自治区妇联.
    const u = splitName(plain);
    const grams = bigramsOf(u.core);
    if (grams.size === 0) return out;
    const scored = new Map<string, number>();
    for (const entry of this.bigrams) {
      let shared = 0;
      for (const g of grams) if (entry.grams.has(g)) shared++;
      const slip = oneApart(plain, entry.name);
      if (shared === 0 && !slip) continue;
      const dice = (2 * shared) / (grams.size + entry.grams.size);
      // A one-character slip ranks above any pair score; then the pair score, then the same place.
      const score = (slip ? 2 : 0) + dice + (samePlace(u.prefix, entry.prefix) ? 0.05 : 0);
      if (!slip && dice < 0.4) continue;
      const prev = scored.get(entry.agency.name) ?? 0;
      if (score > prev) scored.set(entry.agency.name, score);
    }
    for (const [n] of [...scored.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))) push(n);
    return out;
  }
}

function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Same length and one character different, or one character more or less. */
function oneApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}


// A name's level prefix, its core and its last word: 自治区|政府外事办公室|办.
const NAME_PREFIX = /^(内蒙古自治区|[\u4e00-\u9fff]{2,6}?(?:自治区|省|市|县|区|旗|盟|州)(?=[\u4e00-\u9fff]{2})|自治区|内蒙古|省委|市委|县委|区委|省|市|县|区|旗|盟|州|镇|乡)?/;
const LAST_WORD = /(委员会|办公室|领导小组|委|办|局|厅|部|署|院|会|中心|站|所|队|社|行|关|处|室|组)$/;

function splitName(n: string): { prefix: string; core: string; end: string } {
  const prefix = NAME_PREFIX.exec(n)?.[0] ?? '';
  // 自治区政府外事办公室 and 自治区外事办, 自治区党委编办 and 自治区编办: the government or committee word is often left out.
  const core = n.slice(prefix.length).replace(/^(人民政府|政府|党委)(?=[\u4e00-\u9fff]{2})/, '');
  const last = LAST_WORD.exec(core)?.[0] ?? '';
  // 办 abbreviates 办公室, 委 委员会: both end in the same word.
  const end = last === '办公室' ? '办' : last === '委员会' ? '委' : last;
  return { prefix, core, end };
}

/** 自治区 and 内蒙古自治区, 内蒙古 and 内蒙古自治区, 省 and 广东省: one place written two ways. */
function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const level = (s: string) => /(自治区|省|市|县|区|旗|盟|州)$/.exec(s)?.[0];
  if (level(a) && level(a) === level(b) && (a.length <= 3 || b.length <= 3)) return true;
  return b.startsWith(a) || a.startsWith(b);
}

function isSubsequence(short: string, long: string): boolean {
  if (short.length >= long.length) return short === long;
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length && short[0] === long[0];
}
