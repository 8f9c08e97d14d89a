// The client's words go through vscode.l10n: every string it asks for is in l10n/bundle.l10n.json
// and has a zh-cn translation that uses only the values it is given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { sources } from '../imports';

const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
/** `t('…', a, b)` or `vscode.l10n.t('…', …)`: the message and how many values follow it. */
const CALL = /\b(?:l10n\.)?t\('((?:[^'\\]|\\.)*)'((?:\s*,\s*[^,)]+)*)\)/g;

function used(): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of sources(join(ROOT, 'client/src'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(CALL)) out.set(m[1].replace(/\\'/g, "'"), m[2] ? m[2].split(',').length - 1 : 0);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));

describe('client strings', () => {
  it('are all in the bundles, and the bundles hold no others', () => {
    const keys = [...used().keys()].sort();
    expect(keys.length).toBeGreaterThan(40);
    expect(Object.keys(bundle).sort()).toEqual(keys);
    expect(Object.keys(zh).sort()).toEqual(keys);
    for (const k of keys) expect(bundle[k]).toBe(k);
  });

  it('translate to Chinese using only the values given', () => {
    for (const [k, count] of used()) {
      expect(zh[k], k).toMatch(/[\u4e00-\u9fff]/);
      for (const i of placeholders(zh[k])) expect(i, `${k} → ${zh[k]}`).toBeLessThan(count);
    }
  });

  it('no hand-made language switch is left in the client, and @vscode/l10n is not a dependency', () => {
    for (const f of sources(join(ROOT, 'client/src'))) expect(readFileSync(f, 'utf8'), f).not.toMatch(/const zh = |zh\(\) \?/);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.l10n).toBe('./l10n');
    expect(manifest.devDependencies['@vscode/l10n']).toBeUndefined();
  });
});
