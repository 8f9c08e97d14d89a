// The task table and the agency matrix as sheets: columns and rows, headers in zh-cn or en,
// and their JSON form. Pure: the writers (server/src/sheets/) turn a sheet into Markdown, CSV
// or an Excel workbook for the checker (`fengong table`, `fengong matrix`) and the language
// server's export requests alike, so a file exported in the editor and one made on the
// command line are the same.
import type { PlanModel } from '../model';
import type { Registry } from '../registry/registry';
import { taskRows, taskTable, TASK_TABLE_HEADERS, type TaskTableColumn, type TaskTableRow } from './table';
import { agencyMatrix, agencyRows, type AgencyRow, type TaskRef } from './matrix';

export type HeaderLocale = 'zh-cn' | 'en';

export interface ExportPlan {
  /** As shown to the user: a relative path, a file name. */
  path: string;
  title?: string;
  model: PlanModel;
  registry?: Registry;
}


export type Cell = string | number | undefined;

export interface Column {
  header: string;
  /** Lists and long names wrap in a spreadsheet rather than widen their column past this. */
  maxWidth?: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
  /** Columns kept in view when scrolling sideways (the number path, the agency). */
  frozenColumns: number;
}

// ---- headers ----

const H = {
  file: ['文件', 'file'],
  number: ['编号', 'number'],
  chapter: ['章', 'chapter'],
  section: ['节', 'section'],
  task: ['任务', 'task'],
  leadParties: ['牵头单位', 'lead'],
  cooperatingParties: ['配合单位', 'cooperating'],
  responsibleParties: ['负责单位', 'responsible'],
  deadline: ['完成时限', 'deadline'],
  officials: ['责任领导', 'officials'],
  line: ['行', 'line'],
  sourceLine: ['原文行', 'line'],
  taskTableSheet: ['任务分工表', 'Task table'],
  footer: ['第 &P 页，共 &N 页', 'Page &P of &N'],
  agency: ['单位', 'agency'],
  aliases: ['其他名称', 'other names'],
  lead: ['牵头任务数', 'tasks led'],
  cooperating: ['配合任务数', 'tasks cooperated on'],
  responsible: ['负责任务数', 'tasks responsible for'],
  leadTasks: ['牵头任务', 'led tasks'],
  cooperatingTasks: ['配合任务', 'cooperating tasks'],
  responsibleTasks: ['负责任务', 'responsible tasks'],
  note: ['备注', 'note'],
  unknown: ['未知单位', 'unknown agency'],
  collective: ['泛指单位', 'collective'],
  tableSheet: ['任务表', 'Tasks'],
  matrixSheet: ['单位分工', 'Agencies'],
  chapterSheet: ['按章统计', 'By chapter'],
  leadShort: ['牵头', 'lead'],
  cooperatingShort: ['配合', 'coop.'],
  responsibleShort: ['负责', 'resp.'],
} as const;

const h = (key: keyof typeof H, locale: HeaderLocale) => H[key][locale === 'en' ? 1 : 0];
const list = (names: string[]) => names.join('、');

// ---- the task table ----

export function tableSheet(plans: ExportPlan[], locale: HeaderLocale = 'zh-cn'): Sheet {
  const many = plans.length > 1;
  const columns: Column[] = [
    ...(many ? [{ header: h('file', locale), maxWidth: 30 }] : []),
    { header: h('number', locale) },
    { header: h('chapter', locale), maxWidth: 30 },
    { header: h('section', locale), maxWidth: 30 },
    { header: h('task', locale), maxWidth: 40 },
    { header: h('leadParties', locale), maxWidth: 30 },
    { header: h('cooperatingParties', locale), maxWidth: 60 },
    { header: h('responsibleParties', locale), maxWidth: 40 },
    { header: h('deadline', locale), maxWidth: 20 },
    { header: h('officials', locale), maxWidth: 20 },
    { header: h('line', locale) },
  ];
  const rows: Cell[][] = [];
  for (const plan of plans) {
    for (const r of taskRows(plan.model)) {
      const officials = list([...new Set((r.task.clause?.officials ?? []).map((o) => o.text.replace(/\s+/g, '')))]);
      rows.push([...(many ? [plan.path] : []), r.number, r.chapter, r.section, r.name, list(r.lead), list(r.cooperating), list(r.responsible), r.task.deadline?.text ?? '', officials, r.line]);
    }
  }
  return { name: h('tableSheet', locale), columns, rows, frozenColumns: many ? 2 : 1 };
}

export function tableJson(plans: ExportPlan[]): object {
  return {
    files: plans.map((plan) => ({
      path: plan.path,
      title: plan.title ?? plan.model.title?.text ?? null,
      tasks: taskRows(plan.model).map((r) => ({
        number: r.number,
        chapter: r.chapter,
        section: r.section,
        name: r.name,
        lead: r.lead,
        cooperating: r.cooperating,
        responsible: r.responsible,
        deadline: r.task.deadline ? { text: r.task.deadline.text, date: r.task.deadline.date ?? null } : null,
        line: r.line,
      })),
    })),
  };
}

// ---- the 任务分工表 as printed (the xlsx export) ----

/** One plan's 任务分工表 as a print-ready sheet: a title row, the header, group and task rows. */
export interface TaskTableSheet {
  /** The sheet's name: 任务分工表, or the plan's file name when there are several. */
  name: string;
  title: string;
  columns: TaskTableColumn[];
  headers: string[];
  rows: TaskTableRow[];
  /** The header of the column after the printed ones: each task's line in the plan, for finding it. */
  lineHeader: string;
  /** The page footer, in Excel's codes (&P the page, &N the pages). */
  footer: string;
}

/** Sheet names Excel accepts (31 characters, none of []:*?/\), once each. */
function sheetNames(plans: ExportPlan[], locale: HeaderLocale): string[] {
  if (plans.length === 1) return [h('taskTableSheet', locale)];
  const used = new Set<string>();
  return plans.map((p, i) => {
    const stem = (p.path.split(/[\\/]/).pop() ?? '').replace(/\.(plan\.txt|plan\.md|fengong|txt|md)$/i, '').replace(/[[\]:*?/\\]/g, '') || `${h('taskTableSheet', locale)}${i + 1}`;
    let name = stem.slice(0, 31);
    for (let k = 2; used.has(name); k++) name = `${stem.slice(0, 28)}(${k})`;
    used.add(name);
    return name;
  });
}

export function taskTableSheets(plans: ExportPlan[], locale: HeaderLocale = 'zh-cn'): TaskTableSheet[] {
  const names = sheetNames(plans, locale);
  return plans.map((plan, i) => {
    const table = taskTable(plan.model);
    const title = locale === 'en' ? `Task table: ${plan.title ?? plan.model.title?.text ?? plan.path}` : table.title;
    return {
      name: names[i],
      title,
      columns: table.columns,
      headers: table.columns.map((c) => TASK_TABLE_HEADERS[c][locale === 'en' ? 1 : 0]),
      rows: table.rows,
      lineHeader: h('sourceLine', locale),
      footer: h('footer', locale),
    };
  });
}

// ---- the agency matrix ----

/** Rows over every plan; a single plan's rows carry their chapter cells too. */
function matrixOf(plans: ExportPlan[]): { rows: AgencyRow[]; chapters?: ReturnType<typeof agencyMatrix>['chapters'] } {
  if (plans.length === 1) return agencyMatrix(plans[0].model, plans[0].registry);
  return { rows: agencyRows(plans.map((p) => ({ doc: p.path, model: p.model, registry: p.registry }))) };
}

/** `一/(三)/2`, or `plans/a.plan.txt:一/(三)/2` when rows span several plans. */
function refText(t: TaskRef, many: boolean): string {
  return many ? `${t.doc}:${t.number}` : t.number;
}

export function matrixSheet(plans: ExportPlan[], locale: HeaderLocale = 'zh-cn'): Sheet {
  const many = plans.length > 1;
  const { rows } = matrixOf(plans);
  const refs = (row: AgencyRow, role: TaskRef['role']) => list(row.tasks.filter((t) => t.role === role).map((t) => refText(t, many)));
  return {
    name: h('matrixSheet', locale),
    columns: [
      { header: h('agency', locale), maxWidth: 30 },
      { header: h('aliases', locale), maxWidth: 30 },
      { header: h('lead', locale) },
      { header: h('cooperating', locale) },
      { header: h('responsible', locale) },
      { header: h('leadTasks', locale), maxWidth: 60 },
      { header: h('cooperatingTasks', locale), maxWidth: 60 },
      { header: h('responsibleTasks', locale), maxWidth: 60 },
      { header: h('note', locale), maxWidth: 16 },
    ],
    rows: rows.map((row) => [
      row.agency,
      list(row.aliases),
      row.lead,
      row.cooperating,
      row.responsible,
      refs(row, 'lead'),
      refs(row, 'cooperating'),
      refs(row, 'responsible'),
      row.unknown ? h('unknown', locale) : row.collective ? h('collective', locale) : '',
    ]),
    frozenColumns: 1,
  };
}

/** Agencies against chapters (one plan only): lead and cooperating counts, blank for none. */
export function chapterSheet(plan: ExportPlan, locale: HeaderLocale = 'zh-cn'): Sheet {
  const { chapters, rows } = agencyMatrix(plan.model, plan.registry);
  const withResponsible = rows.some((r) => r.responsible > 0);
  const roles = (['lead', 'cooperating', ...(withResponsible ? ['responsible'] : [])] as const) as readonly ('lead' | 'cooperating' | 'responsible')[];
  const short = { lead: h('leadShort', locale), cooperating: h('cooperatingShort', locale), responsible: h('responsibleShort', locale) };
  return {
    name: h('chapterSheet', locale),
    columns: [{ header: h('agency', locale), maxWidth: 30 }, ...chapters.flatMap((c) => roles.map((role) => ({ header: `${c.number || c.label} ${short[role]}` })))],
    rows: rows.map((row) => [row.agency, ...row.cells.flatMap((cell) => roles.map((role) => cell[role] || undefined))]),
    frozenColumns: 1,
  };
}

export function matrixJson(plans: ExportPlan[]): object {
  const many = plans.length > 1;
  const { rows, chapters } = matrixOf(plans);
  return {
    files: plans.map((p) => ({ path: p.path, title: p.title ?? p.model.title?.text ?? null })),
    ...(chapters ? { chapters: chapters.map((c) => ({ number: c.number, title: c.title, line: c.line })) } : {}),
    agencies: rows.map((row) => ({
      agency: row.agency,
      aliases: row.aliases,
      unknown: row.unknown,
      collective: row.collective,
      lead: row.lead,
      cooperating: row.cooperating,
      responsible: row.responsible,
      ...(chapters ? { chapters: row.cells } : {}),
      tasks: row.tasks.map((t) => ({ ...(many ? { file: t.doc } : {}), number: t.number, name: t.name, role: t.role, line: t.line })),
    })),
  };
}
