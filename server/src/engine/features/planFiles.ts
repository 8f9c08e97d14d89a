// "Is this a plan?" — decided here and nowhere else. A file is a plan by its name (.fengong,
// .plan.txt, .plan.md) or, for plain text (.txt, .md), by a first line that names a 分工方案.
// package.json declares the same to VS Code (contributes.languages: extensions, firstLine);
// a test keeps the two equal, and the client reads VS Code's copy from its manifest.

/** Endings that make a file a plan whatever it holds. */
export const PLAN_EXTENSIONS = ['.fengong', '.plan.txt', '.plan.md'] as const;

/** Endings of plain text that is a plan when its first line says so. */
export const PLAIN_TEXT_EXTENSIONS = ['.txt', '.md'] as const;

/** What a plan's first line names (package.json `firstLine` is `^\ufeff?\s*.*(` this `)`). */
export const PLAN_FIRST_LINE = /分工方案|分工的意见|任务分工|责任分解/;

const endsWithAny = (name: string, endings: readonly string[]) => {
  const lower = name.toLowerCase();
  return endings.some((e) => lower.endsWith(e));
};

/** A plan by its name alone. */
export function isPlanFileName(name: string): boolean {
  return endsWithAny(name, PLAN_EXTENSIONS);
}

/** A plan by its name, or a plain-text file that may be one (look at its first line). */
export function mayBePlanFileName(name: string): boolean {
  return isPlanFileName(name) || endsWithAny(name, PLAIN_TEXT_EXTENSIONS);
}

/** The first line of a text (its first 200 characters at most). */
export function firstLineOf(text: string): string {
  return text.slice(0, 200).split(/\r?\n|\r/)[0] ?? '';
}

/** Whether a text's first line names a plan. */
export function namesAPlan(text: string): boolean {
  return PLAN_FIRST_LINE.test(firstLineOf(text));
}

/** A file that is a plan: by its name, or by a first line naming one. */
export function isPlan(name: string, text: string): boolean {
  return isPlanFileName(name) || namesAPlan(text);
}

/** `满洲里.plan.txt` → `满洲里`: a plan's name without its ending, what derived files are named after. */
export function planStem(name: string): string {
  const lower = name.toLowerCase();
  for (const e of [...PLAN_EXTENSIONS, ...PLAIN_TEXT_EXTENSIONS]) if (lower.endsWith(e)) return name.slice(0, -e.length);
  return name;
}
