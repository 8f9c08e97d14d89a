// Grammar tests for `npm test`: checks that syntaxes/fengong.tmLanguage.json is built from
// syntaxes/build-grammar.mjs, runs vscode-tmgrammar-test on tests/grammar/*.test.fengong and
// writes `{ passed, failed }` to .cache/test/grammar.json (one count per scope assertion).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);

let passed = 0;
let failed = 0;

const build = spawnSync('node', ['syntaxes/build-grammar.mjs', '--check'], { stdio: 'inherit' });
if (build.status === 0) passed++;
else failed++;

// An assertion line, as the tool recognises it: the comment token, then `^` or `<-`/`<~-`.
const isAssertion = (line) => /^\/\/\s*(\^|<~*-+)/.test(line);
const files = readdirSync('tests/grammar').filter((f) => f.endsWith('.test.fengong'));
const total = files
  .map((f) => readFileSync(`tests/grammar/${f}`, 'utf8').split(/\r?\n/).filter(isAssertion).length)
  .reduce((a, b) => a + b, 0);

const r = spawnSync(
  'npx',
  ['vscode-tmgrammar-test', '-c', '-g', 'syntaxes/fengong.tmLanguage.json', 'tests/grammar/*.test.fengong'],
  { encoding: 'utf8' },
);
process.stdout.write(r.stdout ?? '');
process.stderr.write(r.stderr ?? '');
const errors = (r.stdout ?? '').split('\n').filter((l) => l.startsWith('ERROR')).length;
const toolFailed = errors || (r.status === 0 ? 0 : 1); // a crash or parse error with no ERROR line
failed += toolFailed;
passed += Math.max(0, total - errors);

mkdirSync('.cache/test', { recursive: true });
writeFileSync('.cache/test/grammar.json', JSON.stringify({ passed, failed }) + '\n');
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
