// Registry files as users write them: edits keep every byte outside the change; broken and
// huge files give located findings and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAgencyEdits, applyEdits, loadRegistryFile, newRegistryText, renameAgencyEdits } from '../../server/src/engine';

const ws = fc.constantFrom('', ' ', '\n', '\n  ', '\r\n    ', '\t', ' // 注释\n', ' /* 块注释 */ ');
const agency = fc.record({
  name: fc.constantFrom('县甲局', '县乙局', '县丙局', '市丁委', '自治区测试厅'),
  alias: fc.boolean(),
});

/** A registry file written with arbitrary blanks and comments between its tokens. */
const registryText = fc
  .tuple(fc.uniqueArray(agency, { selector: (a) => a.name, maxLength: 4 }), fc.array(ws, { minLength: 12, maxLength: 12 }), fc.boolean())
  .map(([agencies, w, withExtends]) => {
    const items = agencies.map((a, i) => `${w[i % 12]}{${w[(i + 1) % 12]}"name":${w[2]}"${a.name}"${a.alias ? `,${w[3]}"aliases": ["${a.name.slice(1)}"]` : ''}${w[4]}}`);
    const ext = withExtends ? `${w[5]}"extends": ["inner-mongolia"],` : '';
    return `${w[6]}{${ext}${w[7]}"agencies":${w[8]}[${items.join(',')}${w[9]}]${w[10]}}${w[11]}`;
  });

/** The edits only insert, or replace only the named value: everything else is kept byte for byte. */
function keptOutside(before: string, after: string, changed: { start: number; end: number }[]): void {
  let b = 0;
  let a = 0;
  const sorted = [...changed].sort((x, y) => x.start - y.start);
  for (const c of sorted) {
    expect(after.slice(a, a + (c.start - b))).toBe(before.slice(b, c.start));
    a += c.start - b;
    b = c.end;
    // skip the new text in `after`: find where the rest of `before` resumes
    const rest = before.slice(b, sorted[sorted.indexOf(c) + 1]?.start ?? before.length);
    const at = after.indexOf(rest, a);
    expect(at).toBeGreaterThanOrEqual(a);
    a = at;
  }
  expect(after.slice(a)).toBe(before.slice(b));
}

describe('registry file edits', () => {
  it('adding an agency keeps every byte the user wrote', () => {
    fc.assert(
      fc.property(registryText, (text) => {
        expect(loadRegistryFile(text, 'r.json').findings).toEqual([]);
        const edits = addAgencyEdits(text, '新增局')!;
        const out = applyEdits(text, edits);
        keptOutside(text, out, edits.map((e) => e.span));
        // Only blanks are ever replaced, and each comment still follows the character it
        // followed (past blanks and the comma the new entry may need), not the new entry.
        for (const e of edits) expect(text.slice(e.span.start, e.span.end).trim()).toBe('');
        const shift = (o: number) => edits.reduce((d, e) => (e.span.end <= o ? d + e.newText.length - (e.span.end - e.span.start) : d), 0);
        const before = (t: string, o: number) => {
          while (o > 0 && /[\s,]/.test(t[o - 1])) o--;
          return o - 1;
        };
        for (const m of text.matchAll(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g)) {
          const at = m.index + shift(m.index);
          expect(out.slice(at, at + m[0].length)).toBe(m[0]);
          const was = before(text, m.index);
          expect(before(out, at)).toBe(was < 0 ? -1 : was + shift(was));
        }
        const reg = loadRegistryFile(out, 'r.json');
        expect(reg.findings).toEqual([]);
        expect(reg.registry!.lookup('新增局')?.name).toBe('新增局');
      }),
      { numRuns: 300 },
    );
  });

  it('an agency renamed from the data is added with its old name as an alias', () => {
    const file = '{\n  // 本工作区\n  "agencies": [\n    { "name": "县甲局" }\n  ]\n}\n';
    const out = applyEdits(file, addAgencyEdits(file, '自治区商务和口岸厅', ['自治区商务厅'])!);
    expect(out).toBe('{\n  // 本工作区\n  "agencies": [\n    { "name": "县甲局" },\n    { "name": "自治区商务和口岸厅", "aliases": ["自治区商务厅"] }\n  ]\n}\n');
    const loaded = loadRegistryFile(out, '/ws/fengong.registry.json');
    expect(loaded.registry!.lookup('自治区商务厅')?.name).toBe('自治区商务和口岸厅');
    const created = loadRegistryFile(newRegistryText('自治区商务和口岸厅', undefined, ['自治区商务厅']), '/ws/fengong.registry.json');
    expect(created.findings).toEqual([]);
    expect(created.registry!.lookup('自治区商务厅')?.name).toBe('自治区商务和口岸厅');
  });

  it.each([
    ['a comment in an empty array', '{\n  "agencies": [ /* 空 */ ]\n}\n', '{\n  "agencies": [ /* 空 */\n    { "name": "新增局" }\n  ]\n}\n'],
    ['a line comment in an empty array', '{\n  "agencies": [ // 以后补充\n  ]\n}\n', '{\n  "agencies": [ // 以后补充\n    { "name": "新增局" }\n  ]\n}\n'],
    ['a comment in an empty object', '{ /* 空 */ }', '{ /* 空 */\n  "agencies": [\n    { "name": "新增局" }\n  ]\n}'],
    ['a trailing comment after the last entry', '{\n  "agencies": [\n    { "name": "县甲局" } // 县级\n  ]\n}\n', '{\n  "agencies": [\n    { "name": "县甲局" }, // 县级\n    { "name": "新增局" }\n  ]\n}\n'],
    ['a trailing comma and comment', '{\n  "agencies": [\n    { "name": "县甲局" }, // 县级\n  ]\n}\n', '{\n  "agencies": [\n    { "name": "县甲局" }, // 县级\n    { "name": "新增局" },\n  ]\n}\n'.replace('},\n  ]', '}\n  ]')],
    ['a trailing comment after the last property', '{\n  "extends": ["inner-mongolia"] // 自治区\n}\n', '{\n  "extends": ["inner-mongolia"], // 自治区\n  "agencies": [\n    { "name": "新增局" }\n  ]\n}\n'],
  ])('adding an agency keeps %s where it was', (_name, file, expected) => {
    const out = applyEdits(file, addAgencyEdits(file, '新增局')!);
    expect(out).toBe(expected);
    expect(loadRegistryFile(out, 'r.json').registry!.lookup('新增局')?.name).toBe('新增局');
  });

  it('with the agencies key repeated, the name goes into the array in effect (the last)', () => {
    const file = '{\n  "agencies": [{ "name": "县甲局" }],\n  "agencies": [{ "name": "县乙局" }]\n}\n';
    expect(loadRegistryFile(file, 'r.json').registry!.lookup('县甲局')).toBeUndefined();
    const out = applyEdits(file, addAgencyEdits(file, '新增局')!);
    expect(out).toBe('{\n  "agencies": [{ "name": "县甲局" }],\n  "agencies": [{ "name": "县乙局" },\n  { "name": "新增局" }]\n}\n');
    const reg = loadRegistryFile(out, 'r.json').registry!;
    expect(reg.lookup('新增局')?.name).toBe('新增局');
    // And a rename edits the entry the loader read.
    const own = reg.agencies.find((a) => a.name === '县乙局')!;
    const renamed = applyEdits(out, renameAgencyEdits(out, own.entryIndex!, '县乙局', '县丙局')!);
    expect(renamed).toContain('"agencies": [{ "name": "县甲局" }]');
    expect(loadRegistryFile(renamed, 'r.json').registry!.lookup('县乙局')?.name).toBe('县丙局');
  });

  it('a registry saved with a byte order mark loads, and the mark survives an edit', () => {
    const file = '\ufeff{\n  "agencies": [\n    { "name": "县甲局" }\n  ]\n}\n';
    const loaded = loadRegistryFile(file, 'r.json');
    expect(loaded.findings).toEqual([]);
    expect(loaded.registry!.lookup('县甲局')?.name).toBe('县甲局');
    const out = applyEdits(file, addAgencyEdits(file, '新增局')!);
    expect(out).toBe('\ufeff{\n  "agencies": [\n    { "name": "县甲局" },\n    { "name": "新增局" }\n  ]\n}\n');
  });

  it('renaming an agency keeps every byte outside its name and alias list', () => {
    fc.assert(
      fc.property(registryText, (text) => {
        const reg = loadRegistryFile(text, 'r.json').registry!;
        const own = reg.agencies.filter((a) => a.entryIndex !== undefined);
        fc.pre(own.length > 0);
        const target = own[0];
        const edits = renameAgencyEdits(text, target.entryIndex!, target.name, '改名局')!;
        const out = applyEdits(text, edits);
        keptOutside(text, out, edits.map((e) => e.span));
        const after = loadRegistryFile(out, 'r.json');
        expect(after.findings).toEqual([]);
        expect(after.registry!.lookup(target.name)?.name).toBe('改名局');
      }),
      { numRuns: 300 },
    );
  });
});

describe('broken and huge registry files', () => {
  it.each([
    ['truncated', '{ "agencies": [ { "name": "甲" }'],
    ['not an object', '[1, 2, 3]'],
    ['a number for a name', '{ "agencies": [ { "name": 3 } ] }'],
    ['an unknown key', '{ "agencis": [] }'],
    ['binary', '\u0000\u0001{'],
    ['empty', ''],
  ])('%s: located findings, no registry, no throw', (_name, text) => {
    const r = loadRegistryFile(text, 'r.json');
    expect(r.registry).toBeUndefined();
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(Math.max(1, text.length));
    }
  });

  it('a 20 MB registry loads', () => {
    const entries = Array.from({ length: 200_000 }, (_, i) => `    { "name": "自治区测试单位${i}", "aliases": ["测试单位${i}甲", "测试单位${i}乙"], "level": "provincial", "note": "${'备注'.repeat(10)}" }`);
    const text = `{\n  "agencies": [\n${entries.join(',\n')}\n  ]\n}\n`;
    expect(text.length * 2).toBeGreaterThan(20_000_000);
    const r = loadRegistryFile(text, 'r.json');
    expect(r.findings).toEqual([]);
    expect(r.registry!.lookup('测试单位199999乙')?.name).toBe('自治区测试单位199999');
  });
});
