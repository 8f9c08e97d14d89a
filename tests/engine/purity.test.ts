// The engine stays pure: no LSP, no vscode, no Node I/O — only its own files, zod/mini and
// jsonc-parser — so the server, the checker and the client can all build on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const DIR = join(ROOT, 'server/src/engine');
const ALLOWED = new Set(['zod/mini', 'jsonc-parser']);

describe('the engine', () => {
  it('imports nothing but itself, zod/mini and jsonc-parser', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(join(DIR, f), 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)) {
        const spec = m[1] ?? m[2];
        expect(spec.startsWith('./') || ALLOWED.has(spec), `${f} imports ${spec}`).toBe(true);
      }
      expect(text, `${f} touches the process or the file system`).not.toMatch(/\bprocess\.|\bfs\.|readFileSync|writeFileSync/);
    }
  });
});
