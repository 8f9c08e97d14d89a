// Scores the engine's reading of real plans against hand-typed expectations
// (tests/fixtures/real/*.json). Shared by `npm run corpus` (through the checker's JSON) and the
// corpus test (through the engine): both hand in the per-file report `check --format json` prints.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROLES = ['lead', 'cooperating', 'responsible'];

/** One spelling per name: blanks removed, brackets in one width. */
export function normalName(name) {
  return String(name)
    .replace(/[\s\u3000\u00a0\ufeff\u200b]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/〔/g, '（')
    .replace(/〕/g, '）');
}

/** Every fixture: its id, text path and expectation. */
export function loadCorpus(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -5);
      const expect = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      return { id, path: join(dir, `${id}.txt`), expect };
    });
}

function facts(clauses) {
  const out = new Set();
  for (const c of clauses) for (const role of ROLES) for (const n of c[role] ?? []) out.add(`${c.line}\u0000${role}\u0000${normalName(n)}`);
  return out;
}

function leadKey(c) {
  return (c.lead ?? []).map(normalName).sort().join('、');
}

/**
 * Scores one file. `found`: the report's tasks (`line`, `lead`, `cooperating`, `responsible`).
 * A fact is (line, role, name); a clause's lead is exact when the set of its leads is the
 * expected one (clauses on one line are paired in order).
 */
export function scoreFile(expect, found) {
  const expected = (expect.clauses ?? []).filter((c) => ROLES.some((r) => (c[r] ?? []).length));
  const e = facts(expected);
  const g = facts(found);
  let hits = 0;
  for (const f of g) if (e.has(f)) hits++;
  const byLine = new Map();
  for (const c of found) {
    const list = byLine.get(c.line) ?? [];
    list.push(c);
    byLine.set(c.line, list);
  }
  const taken = new Map();
  let exact = 0;
  const wrong = [];
  for (const c of expected) {
    const k = taken.get(c.line) ?? 0;
    taken.set(c.line, k + 1);
    const other = byLine.get(c.line)?.[k];
    if (other && leadKey(other) === leadKey(c)) exact++;
    else wrong.push({ line: c.line, expected: leadKey(c), found: other ? leadKey(other) : null });
  }
  const missed = [...e].filter((f) => !g.has(f)).map(readable);
  const extra = [...g].filter((f) => !e.has(f)).map(readable);
  return { facts: e.size, found: g.size, hits, clauses: expected.length, exact, missed, extra, wrongLeads: wrong };
}

function readable(f) {
  const [line, role, name] = f.split('\u0000');
  return `${line} ${role} ${name}`;
}

export function ratio(a, b) {
  return b === 0 ? 1 : a / b;
}

/** Sums per-file scores. */
export function total(scores) {
  const t = { facts: 0, found: 0, hits: 0, clauses: 0, exact: 0 };
  for (const s of scores) for (const k of Object.keys(t)) t[k] += s[k];
  return { ...t, precision: ratio(t.hits, t.found), recall: ratio(t.hits, t.facts), exactLeads: ratio(t.exact, t.clauses) };
}

const pct = (x) => (x * 100).toFixed(1).padStart(5);

/** The table `npm run corpus` prints: per file, per form, overall. */
export function formatTable(rows) {
  const out = [];
  const w = Math.max(...rows.map((r) => r.id.length), 10);
  out.push(`${'file'.padEnd(w)}  clauses  facts  precision  recall  exact leads`);
  for (const r of rows) {
    const s = r.score;
    out.push(`${r.id.padEnd(w)}  ${String(s.clauses).padStart(7)}  ${String(s.facts).padStart(5)}  ${pct(ratio(s.hits, s.found))}%     ${pct(ratio(s.hits, s.facts))}%  ${pct(ratio(s.exact, s.clauses))}%`);
  }
  const forms = new Map();
  for (const r of rows) for (const f of r.expect.forms ?? []) forms.set(f, [...(forms.get(f) ?? []), r.score]);
  out.push('');
  out.push(`${'form (files that use it)'.padEnd(w)}  clauses  facts  precision  recall  exact leads`);
  for (const [f, scores] of [...forms].sort()) {
    const t = total(scores);
    out.push(`${`${f} (${scores.length})`.padEnd(w)}  ${String(t.clauses).padStart(7)}  ${String(t.facts).padStart(5)}  ${pct(t.precision)}%     ${pct(t.recall)}%  ${pct(t.exactLeads)}%`);
  }
  const t = total(rows.map((r) => r.score));
  out.push('');
  out.push(`${`overall (${rows.length} files)`.padEnd(w)}  ${String(t.clauses).padStart(7)}  ${String(t.facts).padStart(5)}  ${pct(t.precision)}%     ${pct(t.recall)}%  ${pct(t.exactLeads)}%`);
  return out.join('\n');
}
