// Bundles the checker, the language server and the client into dist/, one file each,
// so start-up loads no node_modules and the .vsix ships without dependencies.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawPlugin } from './scripts/esbuild-raw.mjs';
import { writeIcon } from './client/icon.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --version and SARIF logs print package.json's version.
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

const entries = [
  // Heavy libraries used by one feature each live in files of their own, loaded on first use.
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node', external: ['./exceljs.js', 'exceljs'] },
  { in: 'server/src/node/main.ts', out: 'server', external: ['./pinyin.js', './exceljs.js', 'exceljs'] },
  { in: 'server/src/vendor/exceljs.ts', out: 'exceljs' },
  { in: 'server/src/vendor/pinyin.ts', out: 'pinyin' },
  // docx, fflate and fast-xml-parser: loaded by `fengong import|export` and the server's Word requests only.
  { in: 'server/src/vendor/word.ts', out: 'word' },
  // The server's Word import runs here, in a worker thread with a capped heap (server/src/word/importInWorker.ts); it loads word.js.
  { in: 'server/src/word/importWorker.ts', out: 'importWorker' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // The matrix webview's page script (and its stylesheet, dist/matrix.css): a browser program.
  { in: 'client/src/webview/matrix.ts', out: 'matrix', platform: 'browser', format: 'iife', target: 'es2022' },
  // The engine as a library, `import { analyze, report } from 'fengong'`: ESM and CommonJS, no source maps (npm pack ships them).
  { in: 'server/src/node/library.ts', out: 'lib/index', format: 'esm', ext: '.mjs', sourcemap: false },
  { in: 'server/src/node/library.ts', out: 'lib/index', format: 'cjs', ext: '.cjs', sourcemap: false },
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
      sourcemap: e.sourcemap ?? !production,
      outExtension: e.ext ? { '.js': e.ext } : undefined,
      minify: production,
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      define: { FENGONG_VERSION: JSON.stringify(version) },
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
  // The project file's JSON Schema (fengong.json and fengong.registry.json), generated from the engine's zod schema (jsonValidation in package.json).
  const schema = execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' });
  writeFileSync('dist/fengong.schema.json', schema);
  // The library's types, one self-contained file (dts-bundle-generator inlines what the exports
  // reach, so no import of a bundled dependency is left), for import and for require.
  // Made again only when a source is newer (the test files rebuild before they run).
  if (typesStale()) {
    execFileSync(process.execPath, ['node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js', '--project', 'tsconfig.lib.json', '--no-check', '--no-banner', '--silent', '-o', 'dist/lib/index.d.ts', 'server/src/node/library.ts'], { stdio: 'inherit' });
    const types = readFileSync('dist/lib/index.d.ts', 'utf8');
    writeFileSync('dist/lib/index.d.mts', types);
    writeFileSync('dist/lib/index.d.cts', types);
  }
  // The extension's icon (package.json "icon"), drawn by code: no image in git.
  writeIcon('dist/icon.png');
}

function typesStale() {
  const out = 'dist/lib/index.d.cts';
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  const newer = (dir) => readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(join(dir, e.name)) : e.name.endsWith('.ts') && statSync(join(dir, e.name)).mtimeMs > built));
  return newer('server/src') || statSync('tsconfig.lib.json').mtimeMs > built;
}
