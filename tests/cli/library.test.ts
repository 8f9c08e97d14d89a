// The engine as a library, by its package name: `npm pack`, installed into a new project, then
// `import { analyze, report } from 'fengong'` (ESM), `require('fengong')` (CommonJS), the
// types checked by tsc as a user's TypeScript would check them, and the package's own bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { RULES } from '../../server/src/engine';
import { build, FAULTY } from './cli';

let consumer: string;
let packed: { files: { path: string }[]; filename: string };
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });

beforeAll(() => {
  build();
  const out = mkdtempSync(join(tmpdir(), 'fengong-pack-'));
  packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' }))[0];
  consumer = mkdtempSync(join(tmpdir(), 'fengong-user-'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'user', version: '1.0.0', private: true }));
  // The package has no dependencies: this installs offline.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(out, packed.filename)], { cwd: consumer, encoding: 'utf8' });
  writeFileSync(join(consumer, 'fengong.json'), '{ "rules": { "clause.no-lead": "error" }, "messages": "en" }');
  writeFileSync(join(consumer, 'p.plan.txt'), FAULTY);
}, 120_000);

describe('the package', () => {
  it('holds the bin and the library, without sources, tests, fixtures or source maps', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/lib/index.mjs', 'dist/lib/index.cjs', 'dist/lib/index.d.ts', 'dist/lib/index.d.mts', 'dist/lib/index.d.cts', 'package.json', 'README.md', 'LICENSE']));
    for (const f of files) expect(f, f).not.toMatch(/\.map$|^tests\/|^server\/|^client\/|^seeds\/|fixtures|\.ts$(?<!\.d\.[mc]?ts)/);
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/fengong/package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ fengong: './dist/cli.js' });
  });

  it('import { analyze, report } from "fengong": report is exactly what check --format json prints', () => {
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `import { readFileSync } from 'node:fs';
import { analyze, report, projectFor } from 'fengong';
const project = await projectFor('p.plan.txt');
const analysis = analyze(readFileSync('p.plan.txt', 'utf8'), { registry: project.registry, path: 'p.plan.txt' });
process.stdout.write(JSON.stringify(report(analysis)));
`,
    );
    const fromLibrary = JSON.parse(node(['esm.mjs']));
    const bin = spawnSync(join(consumer, 'node_modules/.bin/fengong'), ['check', '--format', 'json', 'p.plan.txt'], { cwd: consumer, encoding: 'utf8' });
    expect(bin.status).toBe(1);
    expect(fromLibrary).toEqual(JSON.parse(bin.stdout).files[0]);
    // The project file's rules and messages were applied through the registry.
    expect(fromLibrary.diagnostics.find((d: { code: string }) => d.code === 'clause.no-lead')).toMatchObject({ severity: 'error', message: 'Clause names cooperating parties but no lead' });
  }, 30_000);

  it("require('fengong') gives the same", () => {
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { analyze, report, RULES } = require('fengong');
const a = analyze(require('node:fs').readFileSync('p.plan.txt', 'utf8'), { locale: 'zh-cn' });
console.log(JSON.stringify({ title: report(a).title, path: report(a).path, codes: report(a).diagnostics.map((d) => d.code), rules: RULES.size }));
`,
    );
    expect(JSON.parse(node(['cjs.cjs']))).toEqual({ title: '《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案', path: '<text>', codes: ['agency.unknown', 'clause.no-lead', 'clause.unclosed', 'agency.alias', 'agency.alias'], rules: RULES.size });
  });

  it("README's ten-line example runs as written", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The engine as a library'));
    const example = /```js\n([\s\S]*?)```/.exec(section)![1];
    expect(example.trim().split('\n').length).toBeLessThanOrEqual(10);
    const path = /const path = '([^']+)'/.exec(example)![1];
    mkdirSync(join(consumer, dirname(path)), { recursive: true });
    writeFileSync(join(consumer, path), FAULTY);
    writeFileSync(join(consumer, 'readme.mjs'), example);
    const lines = node(['readme.mjs']).trim().split('\n');
    expect(lines[0]).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案: 78 tasks');
    expect(lines).toContain(`${path}:10:266 error Clause names cooperating parties but no lead [clause.no-lead]`);
  });

  it('has type declarations that a strict TypeScript project accepts, for import and for require', () => {
    writeFileSync(
      join(consumer, 'use.mts'),
      `import { analyze, report, type FileReport, type RuleCode } from 'fengong';
const r: FileReport = report(analyze('x', { severities: { 'clause.missing': 'error' }, locale: 'en' }), 'x.plan.txt');
const code: RuleCode = 'agency.unknown';
const line: number = r.diagnostics[0]?.line ?? 0;
// @ts-expect-error: report takes an analysis
report('not an analysis');
// @ts-expect-error: not a rule code
const wrong: RuleCode = 'clause.nope';
export { code, line, wrong };
`,
    );
    writeFileSync(join(consumer, 'use.cts'), `import fengong = require('fengong');\nexport const title: string | null = fengong.report(fengong.analyze('x')).title;\n`);
    // No @types/node: the declarations stand on their own; skipLibCheck off: they are checked too.
    const config = { compilerOptions: { strict: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], noEmit: true }, files: ['use.mts', 'use.cts'] };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(config));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: consumer, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
