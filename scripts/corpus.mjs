// `npm run corpus [-- --verbose]`: the checker (dist/cli.js check --format json) on every real
// plan in tests/fixtures/real/, scored against the hand-typed expectations: precision, recall
// and exact-lead rate per file, per form and overall. --verbose lists every miss.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable, loadCorpus, scoreFile } from './corpus-score.mjs';

const root = new URL('..', import.meta.url).pathname;
const verbose = process.argv.includes('--verbose');
const cli = join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  const b = spawnSync('node', ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(2);
}
const corpus = loadCorpus(join(root, 'tests/fixtures/real'));
const r = spawnSync('node', [cli, 'check', '--format', 'json', ...corpus.map((c) => c.path)], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (r.status === 2 || !r.stdout) {
  process.stderr.write(r.stderr);
  process.exit(2);
}
const reports = JSON.parse(r.stdout).files;
const rows = corpus.map((c, i) => ({ id: c.id, expect: c.expect, score: scoreFile(c.expect, reports[i].tasks) }));
process.stdout.write(formatTable(rows) + '\n');
if (verbose) {
  for (const row of rows) {
    const s = row.score;
    if (!s.missed.length && !s.extra.length && !s.wrongLeads.length) continue;
    process.stdout.write(`\n== ${row.id}\n`);
    for (const m of s.missed) process.stdout.write(`  missed  ${m}\n`);
    for (const m of s.extra) process.stdout.write(`  extra   ${m}\n`);
    for (const w of s.wrongLeads) process.stdout.write(`  lead    ${w.line}: expected ${w.expected || '(none)'}, found ${w.found ?? '(no clause)'}\n`);
  }
}
