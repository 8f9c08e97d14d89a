// The registry in effect for a plan: the national bodies, the place's government (the template
// of a province's, a city's or a county's bodies, filled in with the place's names, plus what
// the place's own data file says), and the local offices of central bodies there. Each list is
// built once per place and each registry once per place and year.
import type { AgencyData, DataFile } from './schema';
import { dataFile, provinceFile } from './data';
import { isMunicipality, provinces, type Place, type Province } from './places';
import { Registry, type Agency, type PlanDate } from './registry';

interface Vars {
  level: string;
  place?: string;
  short?: string;
}

/** A template's text with the place filled in; undefined where it needs a place that is unknown. */
function fill(text: string, vars: Vars): string | undefined {
  // 自治区's party committee is 自治区党委 (省委, 市委, 县委 elsewhere).
  let out = vars.level === '自治区' ? text.replace(/\{level\}委/g, '自治区党委') : text;
  out = out.replace(/\{level\}/g, vars.level);
  if (out.includes('{place}')) {
    if (!vars.place) return undefined;
    out = out.replace(/\{place\}/g, vars.place);
  }
  if (out.includes('{short}')) {
    if (!vars.short) return undefined;
    out = out.replace(/\{short\}/g, vars.short);
  }
  return out;
}

function sourceOf(file: DataFile, fileName: string, key: string): Agency['source'] {
  const s = Object.hasOwn(file.sources, key) ? file.sources[key] : undefined;
  return { kind: 'data', file: fileName, title: s?.title ?? key, url: s?.url ?? (/^https?:/.test(key) ? key : undefined) };
}

/** A data file's entries as agencies; template ids resolve to names within the same list. */
function agenciesOf(file: DataFile, fileName: string, idPrefix: string, vars: Vars | undefined, place: string | undefined, keep: (e: AgencyData) => boolean = () => true): Agency[] {
  const names = new Map<string, string>();
  const out: { data: AgencyData; agency: Agency }[] = [];
  for (const e of file.agencies) {
    if (!keep(e)) continue;
    const name = vars ? fill(e.name, vars) : e.name;
    if (!name) continue;
    const aliases: string[] = [];
    for (const a of [...(e.fullName ? [e.fullName] : []), ...(e.aliases ?? [])]) {
      const filled = vars ? fill(a, vars) : a;
      if (filled && filled !== name && !aliases.includes(filled)) aliases.push(filled);
    }
    const fullName = e.fullName ? (vars ? fill(e.fullName, vars) : e.fullName) : undefined;
    names.set(e.id, name);
    out.push({
      data: e,
      agency: {
        id: `${idPrefix}${e.id}`,
        name,
        fullName,
        aliases,
        level: e.level,
        kind: e.kind,
        parent: undefined,
        since: e.since,
        until: e.until,
        successors: [],
        reform: e.reform,
        place,
        source: sourceOf(file, fileName, e.source),
      },
    });
  }
  for (const { data, agency } of out) {
    if (data.parent) agency.parent = names.get(data.parent);
    for (const s of data.successors ?? []) {
      const name = names.get(s.id);
      if (name) agency.successors.push({ name, kind: s.kind, part: s.part });
    }
  }
  return out.map((o) => o.agency);
}

const cache = new Map<string, Agency[]>();

function cached(key: string, make: () => Agency[]): Agency[] {
  let list = cache.get(key);
  if (!list) cache.set(key, (list = make()));
  return list;
}

// State Council texts drop 国家, 中国, 中华全国 and 国务院 before a body's name (统计局, 民用航空局, 供销合作总社).
const NATIONAL_WORD = /^(中华人民共和国|中华全国|国务院|国家|中国)(?=[\u4e00-\u9fff]{3})/;

export function nationalAgencies(): Agency[] {
  return cached('national', () => {
    const f = dataFile('national');
    const out = f ? agenciesOf(f, 'national.json', 'national:', undefined, undefined) : [];
    const taken = new Set(out.flatMap((a) => [a.name, ...a.aliases]));
    for (const a of out) {
      for (const n of [a.name, a.fullName]) {
        const bare = n?.replace(NATIONAL_WORD, '');
        if (bare && bare !== n && !taken.has(bare)) {
          a.aliases.push(bare);
          a.bare ??= bare;
          taken.add(bare);
        }
      }
    }
    const att = dataFile('attested');
    if (att) out.push(...agenciesOf(att, 'attested.json', 'attested:', undefined, undefined, (e) => !e.province));
    // Central bodies' offices named by city (满洲里海关, 中国人民银行上海分行) are one national network.
    const branches = dataFile('branches');
    if (branches) out.push(...agenciesOf(branches, 'branches.json', 'branch:', undefined, undefined, (e) => !!e.province && !e.name.includes('{')));
    return out;
  });
}

/**
 * A province's government: the template filled in with its names, where its own file names a
 * template body otherwise (四川 经济和信息化厅) that name wins, and its own bodies are added.
 * Without a province (a plan that writes 省 but names no province) the template's names with
 * the level word alone.
 */
export function provinceAgencies(province: Province | undefined, level = province?.level ?? '省'): Agency[] {
  return cached(`province:${province?.code ?? '-'}:${level}`, () => {
    const vars: Vars = { level, place: province?.name, short: province?.short };
    const own = province ? provinceFile(province.code) : undefined;
    const replaced = new Set((own?.agencies ?? []).map((e) => e.template).filter(Boolean));
    const template = dataFile('province-template');
    const prefix = `${province?.code ?? level}:`;
    const out = template ? agenciesOf(template, 'province-template.json', prefix, vars, province?.name, (e) => !replaced.has(e.id)) : [];
    if (own) out.push(...agenciesOf(own, `provinces/${province!.code}.json`, `${prefix}own:`, vars, province!.name));
    const branches = dataFile('branches');
    if (branches) {
      // Central bodies' offices: templates for every province, named ones (customs) for theirs.
      out.push(...agenciesOf(branches, 'branches.json', `${prefix}branch:`, vars, province?.name, (e) => !e.province));
    }
    const att = dataFile('attested');
    if (att && province) out.push(...agenciesOf(att, 'attested.json', `${prefix}attested:`, undefined, province.name, (e) => e.province === province.code));
    return out;
  });
}

// The party's and the people's bodies are the same at every level (组织部, 宣传部, 团委, 科协 …):
// a city's and a county's are the province template's under the level word.
const EVERY_LEVEL = new Set(['党委机构', '群团', '人大机构', '政协机构']);

/** A city's or a county's government: its template filled in with the place (or the level word alone). */
export function localAgencies(kind: 'city' | 'county', level: string, place: string | undefined): Agency[] {
  return cached(`${kind}:${level}:${place ?? '-'}`, () => {
    const f = dataFile(`${kind}-template`);
    const short = place?.replace(/(市|区|县|旗|盟|自治州|州)$/, '');
    const vars = { level, place, short };
    const out = f ? agenciesOf(f, `${kind}-template.json`, `${kind}:${place ?? level}:`, vars, place) : [];
    const own = new Set(out.flatMap((a) => [a.name, ...a.aliases]));
    const template = dataFile('province-template');
    if (template) {
      const shared = agenciesOf(template, 'province-template.json', `${kind}:${place ?? level}:party:`, vars, place, (e) => EVERY_LEVEL.has(e.kind ?? '') && !e.until);
      for (const a of shared) if (!own.has(a.name)) out.push({ ...a, level: kind });
    }
    return out;
  });
}

const registries = new Map<string, Registry>();

/** The key of the registry a place and date get: registries are shared between plans. */
export function placeKey(place: Place, date: PlanDate | undefined): string {
  return [place.province?.code ?? '', place.city ?? '', place.county ?? '', place.level, place.words.slice(0, 3).join(','), date ? `${date.year}-${date.month ?? ''}` : ''].join('|');
}

/** The registry for a plan of `place` at `date`: its own government and every level above it. */
export function registryForPlace(place: Place, date: PlanDate | undefined): Registry {
  const key = placeKey(place, date);
  let r = registries.get(key);
  if (r) return r;
  const sources: string[] = ['national'];
  const lists: Agency[][] = [];
  const words = new Set(place.words);
  const province = place.province;
  // The plan's own level first: a name of its own government wins over a national one (能源局 in a provincial plan).
  if (place.level === 'county' || place.level === 'township') {
    const countyWords = place.words.filter((w) => ['县', '区', '旗', '市'].includes(w));
    for (const w of countyWords.length ? countyWords : ['县']) lists.push(localAgencies('county', w, place.county));
    if (place.county) sources.push(place.county);
  }
  if (place.level !== 'national' && place.level !== 'provincial' && !isMunicipality(province)) {
    lists.push(localAgencies('city', '市', place.city));
    if (place.city) sources.push(place.city);
  }
  if (province || place.level !== 'national') {
    lists.push(provinceAgencies(province));
    // A plan that writes 自治区 for some bodies and 省 for others (or names no province) gets both.
    for (const w of ['省', '自治区']) if (words.has(w) && w !== province?.level) lists.push(provinceAgencies(undefined, w));
    sources.push(province?.name ?? place.words[0] ?? '');
  }
  lists.push(nationalAgencies());
  r = new Registry(sources.filter(Boolean), date);
  for (const list of lists) for (const a of list) r.add(a);
  registries.set(key, r);
  return r;
}

/** The registry of a named preset or place: national, a province by name or code. */
export function namedRegistry(name: string): Agency[] | undefined {
  if (name === 'national' || name === 'state-council') return nationalAgencies();
  const p = provinces().find((x) => x.name === name || x.short === name || x.code === name || (name === 'inner-mongolia' && x.code === '15'));
  return p ? [...provinceAgencies(p), ...nationalAgencies()] : undefined;
}
