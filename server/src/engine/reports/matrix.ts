// Who does what, by agency: each agency under its registry name (its other names merged into
// it), the tasks it leads, cooperates on or is responsible for, and the agency × chapter matrix.
// The data behind the checker's `matrix`, the Agencies view and the matrix webview. Pure.
//
// Counting follows `loadByAgency`: a task counts once per agency and role, however many of the
// agency's names its clause lists. Collectives (各盟市人民政府) are rows too, flagged as such.
import type { PlanModel, Role } from '../model';
import type { Load } from '../features/occurrences';
import type { Registry } from '../registry/registry';
import { agencyKey } from '../features/at';
import { headingLabel, taskRows, type TaskRow } from './table';
import type { Span } from '../text';

export interface TaskRef {
  /** Which plan, for rows merged over several (a URI, a path); '' for a single plan. */
  doc: string;
  /** Number path: `一/(三)/2`. */
  number: string;
  name: string;
  role: Role;
  /** 1-based line of the task. */
  line: number;
  /** The task's name: what to reveal. */
  nameSpan: Span;
  /** Column in the plan's `chapters` (see `AgencyMatrix`). */
  chapter: number;
}

export interface AgencyRow {
  /** The name the plans write most (the registry's name where they use it). */
  agency: string;
  /** The agency's key (its registry name, else the name as written): what hover, references and rename group by. */
  key: string;
  /** Other names the plans use for it, in order of first use. */
  aliases: string[];
  /** Named in a plan checked against a registry that does not know it. */
  unknown: boolean;
  collective: boolean;
  lead: number;
  cooperating: number;
  responsible: number;
  /** Per chapter column, only for a single plan (`agencyMatrix`); [] for merged rows. */
  cells: Load[];
  /** Document order, each (task, role) once. */
  tasks: TaskRef[];
}

export interface ChapterColumn {
  /** `一`, or '' for the column of tasks above every chapter. */
  number: string;
  /** `一、推进体制机制改革创新`, or `(章外)` for tasks above every chapter. */
  label: string;
  title: string;
  line: number;
}

export interface AgencyMatrix {
  chapters: ChapterColumn[];
  rows: AgencyRow[];
}

export interface PlanSource {
  /** Copied into each `TaskRef.doc`. */
  doc: string;
  model: PlanModel;
  registry?: Registry;
}

export const OUTSIDE_CHAPTERS = '(章外)';

/** The chapter columns of a plan, and the column of each task (index for index with `model.tasks`). */
export function chapterColumns(model: PlanModel, rows: TaskRow[] = taskRows(model)): { chapters: ChapterColumn[]; columnOf: number[] } {
  const chapters: ChapterColumn[] = [];
  const byHeading = new Map<number, number>();
  const outside = rows.some((r) => r.chapterHeading === undefined);
  if (outside) chapters.push({ number: '', label: OUTSIDE_CHAPTERS, title: OUTSIDE_CHAPTERS, line: 1 });
  model.headings.forEach((h, i) => {
    if (h.kind !== 'chapter') return;
    byHeading.set(i, chapters.length);
    chapters.push({ number: h.numberText, label: headingLabel(h), title: h.title, line: h.line + 1 });
  });
  const columnOf = rows.map((r) => (r.chapterHeading === undefined ? 0 : (byHeading.get(r.chapterHeading) ?? 0)));
  return { chapters, columnOf };
}

/**
 * One row per agency over one or more plans, busiest first: most tasks led, then cooperated
 * on, then responsible for; ties in order of first mention.
 */
export function agencyRows(sources: PlanSource[]): AgencyRow[] {
  const rows = new Map<string, AgencyRow>();
  // The names each row's agency is written under, and how often.
  const names = new Map<AgencyRow, Map<string, number>>();
  for (const { doc, model, registry } of sources) {
    const taskRowsOf = taskRows(model);
    const { columnOf } = chapterColumns(model, taskRowsOf);
    model.tasks.forEach((task, i) => {
      const seen = new Set<string>();
      for (const p of task.clause?.parties ?? []) {
        const key = agencyKey(p);
        let row = rows.get(key);
        if (!row) {
          row = { agency: key, key, aliases: [], unknown: false, collective: p.collective, lead: 0, cooperating: 0, responsible: 0, cells: [], tasks: [] };
          rows.set(key, row);
        }
        const used = (names.get(row) ?? names.set(row, new Map()).get(row)!);
        used.set(p.name, (used.get(p.name) ?? 0) + 1);
        if (registry && !p.agency && !p.collective && !registry.isIgnored(p.name) && !registry.isIgnored(p.written)) row.unknown = true;
        const k = `${key}\u0000${p.role}`;
        if (seen.has(k)) continue;
        seen.add(k);
        row[p.role]++;
        const r = taskRowsOf[i];
        row.tasks.push({ doc, number: r.number, name: r.name, role: p.role, line: r.line, nameSpan: r.nameSpan, chapter: columnOf[i] });
      }
    });
  }
  // A row is labelled as the plans write the agency most (自治区旅游局 in a 2014 plan, though the
  // registry names it by its later name); its other names, the registry's included, follow.
  for (const [row, used] of names) {
    let label = row.agency;
    let most = used.get(label) ?? 0;
    if (!most) for (const [n, count] of used) if (count > most) (label = n), (most = count);
    row.aliases = [...used.keys(), row.agency].filter((n, i, all) => n !== label && all.indexOf(n) === i && (used.has(n) || n !== row.agency));
    row.agency = label;
  }
  // Map order is first mention; Array.prototype.sort is stable.
  return [...rows.values()].sort((a, b) => b.lead - a.lead || b.cooperating - a.cooperating || b.responsible - a.responsible);
}

/** The agency × chapter matrix of one plan: lead, cooperating and responsible counts per cell. */
export function agencyMatrix(model: PlanModel, registry?: Registry): AgencyMatrix {
  const { chapters } = chapterColumns(model);
  const rows = agencyRows([{ doc: '', model, registry }]);
  for (const row of rows) {
    row.cells = chapters.map(() => ({ lead: 0, cooperating: 0, responsible: 0 }));
    for (const t of row.tasks) row.cells[t.chapter][t.role]++;
  }
  return { chapters, rows };
}

/** The tasks of one agency in one role, or all of them; in one chapter column, or all. */
export function tasksOf(row: AgencyRow, filter: { role?: Role; chapter?: number } = {}): TaskRef[] {
  return row.tasks.filter((t) => (filter.role === undefined || t.role === filter.role) && (filter.chapter === undefined || t.chapter === filter.chapter));
}
