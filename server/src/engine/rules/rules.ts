// The rule table: every finding's code, default severity and message in zh-cn and en.
// Settings override severities by code (like vscode-css-languageservice's lintRules). Every
// finding the engine makes, the registry file's and the engine's own included, is built here
// (`findingOf`), so its code is a `RuleCode` and its severity and message come from the table.
import type { Span } from '../text';

export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'ignore';

type Args = Record<string, string>;

interface RuleShape {
  code: string;
  severity: Exclude<Severity, 'ignore'>;
  zh: (a: Args) => string;
  en: (a: Args) => string;
}

const TABLE = [
  { code: 'clause.missing', severity: 'warning', zh: () => '任务缺少责任条款（未写明牵头或负责单位）', en: () => 'Task has no responsibility clause (no lead or responsible agency)' },
  { code: 'clause.no-lead', severity: 'warning', zh: () => '条款列有配合单位，但没有牵头单位', en: () => 'Clause names cooperating parties but no lead' },
  { code: 'clause.empty', severity: 'error', zh: () => '条款没有写任何单位', en: () => 'Clause names no party' },
  { code: 'clause.unclosed', severity: 'error', zh: (a) => `条款括号“${a.open}”没有闭合`, en: (a) => `Clause bracket "${a.open}" is never closed` },
  { code: 'clause.mismatched-brackets', severity: 'warning', zh: (a) => `条款括号不配对：“${a.open}”与“${a.close}”`, en: (a) => `Clause brackets do not match: "${a.open}" closed by "${a.close}"` },
  { code: 'agency.unknown', severity: 'warning', zh: (a) => `单位“${a.name}”不在单位名录中${a.near ? `，是否为：${a.near}` : ''}`, en: (a) => `"${a.name}" is not in the agency registry${a.near ? `; did you mean ${a.near}` : ''}` },
  { code: 'agency.superseded', severity: 'warning', zh: (a) => `“${a.name}”已于${a.untilZh}${a.reform ? `（${a.reform}年机构改革）` : ''}${a.how === 'rename' ? `更名为“${a.successor}”` : a.how === 'merge' ? `撤销，职责划入“${a.successor}”` : a.how === 'split' ? `撤销，职责分别划入${a.successor}` : '撤销'}`, en: (a) => `"${a.name}" ${a.how === 'rename' ? `was renamed "${a.successor}"` : 'was abolished'} in ${a.until}${a.reform ? ` (the ${a.reform} reform)` : ''}${a.how === 'merge' ? `; its duties went to "${a.successor}"` : a.how === 'split' ? `; its duties were split between ${a.successor}` : ''}` },
  { code: 'agency.alias', severity: 'hint', zh: (a) => `“${a.written}”与本文件其他处的“${a.agency}”是同一单位，宜统一写作“${a.agency}”`, en: (a) => `"${a.written}" and "${a.agency}" elsewhere in this plan are one agency; write "${a.agency}" throughout` },
  { code: 'agency.duplicate', severity: 'warning', zh: (a) => `“${a.agency}”在同一条款中重复出现`, en: (a) => `"${a.agency}" appears twice in one clause` },
  { code: 'agency.lead-and-cooperating', severity: 'warning', zh: (a) => `“${a.agency}”既是牵头单位又是配合单位`, en: (a) => `"${a.agency}" is both lead and cooperating` },
  { code: 'numbering.gap', severity: 'warning', zh: (a) => `编号跳号：应为“${a.expected}”，写作“${a.actual}”`, en: (a) => `Numbering skips: expected ${a.expected}, found ${a.actual}` },
  { code: 'numbering.duplicate', severity: 'warning', zh: (a) => `编号重复：“${a.actual}”`, en: (a) => `Number repeated: ${a.actual}` },
  { code: 'numbering.order', severity: 'warning', zh: (a) => `编号倒序：应为“${a.expected}”，写作“${a.actual}”`, en: (a) => `Numbering goes backwards: expected ${a.expected}, found ${a.actual}` },
  { code: 'deadline.before-document', severity: 'hint', zh: (a) => `完成时限“${a.deadline}”早于本文件的日期（${a.dateZh}）`, en: (a) => `The deadline "${a.deadline}" (${a.due}) is earlier than the plan's own date (${a.date})` },
  { code: 'coverage.unassigned', severity: 'info', zh: (a) => `上位文件有 ${a.count} 项措施未分配到任务（覆盖率 ${a.ratio}）：${a.list}`, en: (a) => `${a.count} measures of the source document are assigned to no task (coverage ${a.ratio}): ${a.list}` },
  { code: 'coverage.unsourced', severity: 'hint', zh: () => '任务在上位文件中找不到对应的措施', en: () => 'The task matches no measure of the source document' },
  { code: 'engine.limit', severity: 'info', zh: (a) => `问题过多：只显示前 ${a.shown} 个，另有 ${a.skipped} 个未显示`, en: (a) => `Too many findings: showing the first ${a.shown}, ${a.skipped} more not shown` },
  { code: 'engine.too-large', severity: 'warning', zh: (a) => `文件过大（${a.chars} 个字符，上限 ${a.limit}）：只显示大纲，不作检查`, en: (a) => `Document too large to check (${a.chars} characters, the limit is ${a.limit}): outline only, no checks` },
  { code: 'registry.invalid-json', severity: 'error', zh: (a) => `单位名录不是有效的 JSON：${a.error}`, en: (a) => `Registry file is not valid JSON: ${a.error}` },
  { code: 'registry.invalid', severity: 'error', zh: (a) => `单位名录格式错误（${a.path}）：${a.error}`, en: (a) => `Registry entry is malformed at ${a.path}: ${a.error}` },
  { code: 'registry.unknown-preset', severity: 'error', zh: (a) => `未知的预设“${a.preset}”，可用：${a.known}`, en: (a) => `Unknown preset "${a.preset}"; known: ${a.known}` },
  { code: 'registry.unknown-place', severity: 'error', zh: (a) => `未知的地方“${a.place}”，请写省、市、县（区）的全称，如“广东省”“武汉市”“北京市大兴区”`, en: (a) => `Unknown place "${a.place}"; write a province, city or county by its full name, such as 广东省, 武汉市, 北京市大兴区` },
  { code: 'registry.unknown-rule', severity: 'warning', zh: (a) => `未知的规则代码“${a.rule}”，可用：${a.known}`, en: (a) => `Unknown rule code "${a.rule}"; known: ${a.known}` },
  { code: 'registry.unreadable', severity: 'error', zh: (a) => `项目文件无法读取，未生效：${a.reason}（${a.path}）`, en: (a) => `The project file cannot be read and is not in effect: ${a.reasonEn} (${a.path})` },
  { code: 'registry.duplicate-name', severity: 'warning', zh: (a) => `名称“${a.name}”已属于另一个单位`, en: (a) => `The name "${a.name}" already belongs to another agency` },
  { code: 'engine.internal', severity: 'error', zh: (a) => `内部错误：${a.error}`, en: (a) => `Internal error: ${a.error}` },
] as const satisfies readonly RuleShape[];

/** Every code a finding can carry: the rule table's. */
export type RuleCode = (typeof TABLE)[number]['code'];

export interface Rule extends RuleShape {
  code: RuleCode;
}

export const RULES: ReadonlyMap<RuleCode, Rule> = new Map(TABLE.map((r) => [r.code, r]));

export type Locale = 'zh-cn' | 'en' | 'both';

/** Severity overrides by code, as the settings give them (any string key; unknown codes do nothing). */
export type SeverityOverrides = Partial<Record<string, Severity>>;

export interface Finding {
  code: RuleCode;
  severity: Exclude<Severity, 'ignore'>;
  message: string;
  span: Span;
  args: Record<string, string>;
  /** Other places that explain this finding (the first of a duplicate pair). */
  related?: { span: Span; message: string }[];
  /** What a program reading the finding needs: near names for an unknown agency, the successor of a superseded one. */
  data?: { suggestions?: string[]; successor?: string[] };
}

export function messageOf(code: RuleCode, args: Args, locale: Locale = 'both'): string {
  const rule = RULES.get(code);
  if (!rule) return code;
  if (locale === 'zh-cn') return rule.zh(args);
  if (locale === 'en') return rule.en(args);
  return `${rule.zh(args)} (${rule.en(args)})`;
}

export function severityOf(code: RuleCode, overrides?: SeverityOverrides): Severity {
  return overrides?.[code] ?? RULES.get(code)?.severity ?? 'warning';
}

export interface FindingOptions {
  severities?: SeverityOverrides;
  locale?: Locale;
}

/**
 * A finding as the table says: its severity (after the overrides) and its message in the
 * locale. Undefined when the settings switch the rule off.
 */
export function findingOf(code: RuleCode, span: Span, args: Args = {}, options: FindingOptions = {}, related?: Finding['related'], data?: Finding['data']): Finding | undefined {
  const severity = severityOf(code, options.severities);
  if (severity === 'ignore') return undefined;
  return { code, severity, message: messageOf(code, args, options.locale), span, args, related, data };
}

/** What a registry file's loader reports (`loadRegistryFile`): a code, a place, the message's arguments. */
export interface RawFinding {
  code: RuleCode;
  span: Span;
  args: Record<string, string>;
}

/** A registry file's problems as findings, severities and messages from the table. */
export function registryFindings(raw: readonly RawFinding[], options: FindingOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const r of raw) {
    const f = findingOf(r.code, r.span, r.args, options);
    if (f) out.push(f);
  }
  return out;
}
