// Types for corpus-score.mjs, so the corpus test is type-checked.
export interface Expectation {
  level: string;
  complete?: boolean;
  forms?: string[];
  source?: { url?: string };
  clauses?: { line: number; lead?: string[]; cooperating?: string[]; responsible?: string[] }[];
}
export interface Found {
  line: number;
  lead: string[];
  cooperating: string[];
  responsible: string[];
}
export interface Score {
  facts: number;
  found: number;
  hits: number;
  clauses: number;
  exact: number;
  missed: string[];
  extra: string[];
  wrongLeads: { line: number; expected: string; found: string | null }[];
}
export const ROLES: string[];
export function normalName(name: string): string;
export function loadCorpus(dir: string): { id: string; path: string; expect: Expectation }[];
export function scoreFile(expect: Expectation, found: Found[]): Score;
export function ratio(a: number, b: number): number;
export function total(scores: Score[]): { facts: number; found: number; hits: number; clauses: number; exact: number; precision: number; recall: number; exactLeads: number };
export function formatTable(rows: { id: string; expect: Expectation; score: Score }[]): string;
