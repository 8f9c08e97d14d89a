// Bundles the checker, the language server and the client into dist/, one file each,
// so start-up loads no node_modules and the .vsix ships without dependencies.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { rawPlugin } from './scripts/esbuild-raw.mjs';
import { writeIcon } from './client/icon.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  // Heavy libraries used by one feature each live in files of their own, loaded on first use.
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node', external: ['./exceljs.js', 'exceljs'] },
  { in: 'server/src/node/main.ts', out: 'server', external: ['./pinyin.js', './exceljs.js', 'exceljs'] },
  { in: 'server/src/vendor/exceljs.ts', out: 'exceljs' },
  { in: 'server/src/vendor/pinyin.ts', out: 'pinyin' },
  // docx, fflate and fast-xml-parser: loaded by `fengong import|export` and the server's Word requests only.
  { in: 'server/src/vendor/word.ts', out: 'word' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // The matrix webview's page script (and its stylesheet, dist/matrix.css): a browser program.
  { in: 'client/src/webview/matrix.ts', out: 'matrix', platform: 'browser', format: 'iife', target: 'es2022' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      bundle: true,
      platform: e.platform ?? 'node',
      format: e.format ?? 'cjs',
      // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
      mainFields: ['module', 'main'],
      target: e.target ?? 'node20',
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
      plugins: [rawPlugin],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // The registry file's JSON Schema, generated from the engine's zod schema (jsonValidation in package.json).
  const schema = execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' });
  writeFileSync('dist/fengong.registry.schema.json', schema);
  // The extension's icon (package.json "icon"), drawn by code: no image in git.
  writeIcon('dist/icon.png');
}
