// What makes a file a plan, as this extension declares it to VS Code (package.json,
// contributes.languages: `extensions` and `firstLine`). The engine decides the same for the
// server and the checker (server/src/engine/features/planFiles.ts); a test keeps them equal.
import type * as vscode from 'vscode';

export const LANGUAGE_ID = 'fengong';

interface LanguageContribution {
  id: string;
  extensions?: string[];
  firstLine?: string;
}

export interface PlanFiles {
  /** `.fengong`, `.plan.txt`, `.plan.md`. */
  extensions: string[];
  /** Matches a plan's first line. */
  firstLine: RegExp;
}

export function planFilesOf(extension: vscode.Extension<unknown>): PlanFiles {
  const languages = ((extension.packageJSON as { contributes?: { languages?: LanguageContribution[] } }).contributes?.languages ?? []) as LanguageContribution[];
  const language = languages.find((l) => l.id === LANGUAGE_ID);
  return { extensions: language?.extensions ?? [], firstLine: new RegExp(language?.firstLine ?? '$^') };
}

/** `**\/*.{fengong,plan.txt,plan.md}`: plan files by name, for a file watcher. */
export function planGlob(plans: PlanFiles): string {
  return `**/*.{${plans.extensions.map((e) => e.replace(/^\./, '')).join(',')}}`;
}

/** `满洲里.plan.txt` → `满洲里`: the name without its plan ending, or else its last ending (.txt, .md). */
export function planStem(name: string, plans: PlanFiles): string {
  const lower = name.toLowerCase();
  const ending = plans.extensions.find((e) => lower.endsWith(e)) ?? /\.[^./]*$/.exec(name)?.[0] ?? '';
  return name.slice(0, name.length - ending.length) || name;
}
