// Fixture helpers: a plan is a string joined from lines; expectations are readable text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions, type Analysis, type Clause } from '../server/src/engine';

export const ROOT = join(__dirname, '..');
export const SAMPLE = readFileSync(join(ROOT, 'seeds/manzhouli-2014.txt'), 'utf8');

export function plan(...lines: string[]): string {
  return lines.join('\n');
}

/** A minimal plan around one task paragraph, so a clause can be tested in its natural place. */
export function taskPlan(paragraph: string): string {
  return plan('《测试规划》重点工作分工方案', '', '一、推进改革', '', '(一)创新体制。', paragraph);
}

export function run(text: string, options?: AnalyzeOptions): Analysis {
  return analyze(text, options);
}

/** `lead:自治区商务厅` per party, in order. */
export function parties(clause: Clause | undefined): string[] {
  return (clause?.parties ?? []).map((p) => `${p.role}:${p.name}`);
}

export function clausesOf(text: string, options?: AnalyzeOptions): Clause[] {
  return run(text, options).model.clauses;
}

export function codes(text: string, options?: AnalyzeOptions): string[] {
  return run(text, options).findings.map((f) => f.code);
}
