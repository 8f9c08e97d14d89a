// `npm test`: build, type-check, then every test suite in turn, ending with one line
// `N passed, N failed` that sums them all (what CI reads).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
mkdirSync('.cache/test', { recursive: true });

let passed = 0;
let failed = 0;
const parts = [];
/** The failed tests by name, repeated at the end: CI shows the tail of a long log. */
const failures = [];

function vitestFailures(r) {
  for (const file of r.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') failures.push(`${file.name.replace(root, '')} › ${t.fullName}\n    ${(t.failureMessages ?? []).join(' ').split('\n').slice(0, 3).join('\n    ')}`);
}

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function record(name, p, f) {
  passed += p;
  failed += f;
  parts.push(`${name}: ${p} passed, ${f} failed`);
}

if (!step('build', 'node', ['esbuild.mjs'])) record('build', 0, 1);
if (!step('typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']) || !step('typecheck (webview)', 'npx', ['tsc', '-p', 'client/src/webview', '--noEmit'])) record('typecheck', 0, 1);

// Unit, engine, CLI and LSP tests.
const vitestOut = '.cache/test/vitest.json';
const vitestOk = step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestOut}`]);
if (existsSync(vitestOut)) {
  const r = JSON.parse(readFileSync(vitestOut, 'utf8'));
  vitestFailures(r);
  record('vitest', r.numPassedTests, r.numFailedTests + (vitestOk || r.numFailedTests ? 0 : 1));
} else record('vitest', 0, 1);

// Hostile input with growth ratios: alone, so no other test competes for the cores.
const hostileOut = '.cache/test/hostile.json';
const hostileOk = step('hostile input (alone)', 'npx', ['vitest', 'run', 'tests/engine/hostile.test.ts', '--reporter=default', '--reporter=json', `--outputFile=${hostileOut}`], { FENGONG_TIMING: '1' });
if (existsSync(hostileOut)) {
  const r = JSON.parse(readFileSync(hostileOut, 'utf8'));
  vitestFailures(r);
  record('hostile', r.numPassedTests, r.numFailedTests + (hostileOk || r.numFailedTests ? 0 : 1));
} else record('hostile', 0, 1);

// TextMate grammar tests.
if (existsSync('tests/grammar')) {
  const ok = step('grammar', 'node', ['tests/grammar/run.mjs']);
  const out = '.cache/test/grammar.json';
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    record('grammar', r.passed, r.failed + (ok || r.failed ? 0 : 1));
  } else record('grammar', 0, 1);
}

// Real-editor tests inside code-server (skipped only when asked): the API suite, then the UI
// test of the packaged .vsix (--ui). The last summary line of its output (both summed) is read.
if (existsSync('scripts/e2e/run.mjs') && process.env.FENGONG_SKIP_E2E !== '1') {
  process.stdout.write('\n▶ e2e (code-server): node scripts/e2e/run.mjs --plan --ui\n');
  const r = spawnSync('node', ['scripts/e2e/run.mjs', '--plan', '--ui'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const summaries = [...(r.stdout ?? '').matchAll(/^\s*(\d+) passed, (\d+) failed\s*$/gm)];
  const last = summaries.at(-1);
  if (last) record('e2e', Number(last[1]), Number(last[2]) + (r.status === 0 || Number(last[2]) ? 0 : 1));
  else record('e2e', 0, 1);
}

if (failures.length) process.stdout.write(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
process.stdout.write(`\n${parts.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
