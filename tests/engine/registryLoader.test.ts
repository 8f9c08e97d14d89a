// The project file's loader is total: whatever the text (a preset named like an Object
// property, ten thousand levels of nesting, any JSON value at all), it returns findings and a
// registry or findings alone, and never throws: one bad line must not take every plan down.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, loadRegistryFile, presetRegistry } from '../../server/src/engine';

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头,自治区商务厅配合)\n';
const PROTO = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

function usable(text: string): void {
  const loaded = loadRegistryFile(text, '/ws/fengong.json');
  expect(loaded.registry !== undefined || loaded.findings.length > 0).toBe(true);
  for (const f of loaded.findings) expect(f.span.start).toBeGreaterThanOrEqual(0);
  if (loaded.registry) expect(analyze(PLAN, { registry: loaded.registry }).model.headings.length).toBe(1);
}

describe('the project file loader', () => {
  it.each(PROTO)('extends ["%s"]: an unknown preset, located, and the rest of the file applies', (name) => {
    const text = `{ "extends": [${JSON.stringify(name)}], "agencies": [{ "name": "县甲局" }] }`;
    const { registry, findings } = loadRegistryFile(text, '/ws/fengong.json');
    expect(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)])).toEqual([['registry.unknown-preset', JSON.stringify(name)]]);
    expect(registry?.lookup('县甲局')?.name).toBe('县甲局');
    expect(analyze(PLAN, { registry }).model.clauses[0].parties.map((p) => p.agency)).toContain('县甲局');
  });

  it('the setting fengong.registry.presets naming Object properties gives an empty registry, not a throw', () => {
    const r = presetRegistry(PROTO);
    expect(r.agencies).toHaveLength(0);
    expect(analyze(PLAN, { registry: r }).model.tasks).toHaveLength(1);
  });

  it.each([
    ['arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['inside agencies', '{ "agencies": [' + '{"name":'.repeat(50_000) + '"x"' + '}'.repeat(50_000) + '] }'],
    ['unclosed', '['.repeat(100_000)],
  ])('nesting 10,000 levels deep (%s): a finding where it goes too deep, not a stack overflow', (_, text) => {
    const { registry, findings } = loadRegistryFile(text, '/ws/fengong.json');
    expect(registry).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0].code).toBe('registry.invalid-json');
    expect(findings[0].args.error).toMatch(/nested deeper than 100 levels/);
    // at the bracket that opens level 101
    const opened = text.slice(0, findings[0].span.start + 1).replace(/[^[{]/g, '').length;
    expect(opened).toBe(101);
  });

  it('nesting that brackets inside strings and comments only seem to make is fine', () => {
    const text = `{ // ${'['.repeat(500)}\n /* ${'{'.repeat(500)} */ "agencies": [{ "name": "县甲局", "aliases": ["${'['.repeat(500)}"] }] }`;
    const { registry, findings } = loadRegistryFile(text, '/ws/fengong.json');
    expect(findings).toEqual([]);
    expect(registry?.lookup('县甲局')).toBeDefined();
  });

  // Keys and values a registry holds, Object's own property names among them.
  const word = fc.oneof(fc.constantFrom(...PROTO, 'extends', 'agencies', 'name', 'aliases', 'ignore', 'retire', 'rules', 'place', 'date', 'messages', 'national', 'clause.no-lead', 'off', '县甲局', '广东省'), fc.string({ maxLength: 6 }));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), word, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
    object: fc.dictionary(word, tie('value'), { maxKeys: 5 }),
  }));
  const registryLike = fc.record(
    {
      extends: fc.oneof(fc.array(word, { maxLength: 3 }), json.value),
      agencies: fc.oneof(fc.array(fc.record({ name: fc.oneof(word, json.value), aliases: fc.oneof(fc.array(word, { maxLength: 3 }), json.value) }, { requiredKeys: [] }), { maxLength: 4 }), json.value),
      rules: fc.oneof(fc.dictionary(word, word, { maxKeys: 3 }), json.value),
      place: json.value,
      date: json.value,
      ignore: json.value,
      retire: json.value,
      messages: json.value,
    },
    { requiredKeys: [] },
  );

  it('never throws and always gives a registry or findings, for any JSON value (property)', () => {
    fc.assert(fc.property(fc.oneof(json.value, registryLike, fc.jsonValue()), (v) => usable(JSON.stringify(v) ?? 'null')), { numRuns: 400 });
  });

  it('nor for any JSON text cut short, spliced, or buried under deep nesting (property)', () => {
    const text = fc.oneof(json.value, registryLike).map((v) => JSON.stringify(v, null, 1) ?? '');
    fc.assert(
      fc.property(text, fc.nat(), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ',', ':', '/', '*', '\\', '\n', '\ufeff', 'a') }), fc.integer({ min: 0, max: 3000 }), (t, cut, noise, depth) => {
        const at = t.length ? cut % (t.length + 1) : 0;
        usable(t.slice(0, at) + noise + t.slice(at));
        usable('['.repeat(depth) + t + ']'.repeat(depth));
      }),
      { numRuns: 300 },
    );
  });
});
