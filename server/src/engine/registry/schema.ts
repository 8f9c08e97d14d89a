// The shapes of agency data: the data files under server/data/agencies/ (every entry with its
// source and dates) and the workspace's registry file. zod/mini: the same validation and JSON
// Schema as zod, a tenth of the bundle (start-up time).
import * as z from 'zod/mini';

export const LEVELS = ['national', 'provincial', 'city', 'county', 'township', 'branch', 'enterprise', 'other', 'prefectural'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = [
  '组成部门', '直属特设机构', '直属机构', '办事机构', '直属事业单位', '部委管理的国家局', '部门管理机构',
  '党中央机构', '党委机构', '人大机构', '政协机构', '群团', '派出机构', '议事协调机构', '牌子', '企业', '其他',
] as const;

/** What a project file's `rules` may set a rule to (`off`: not reported). */
export const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
export const MESSAGE_LOCALES = ['both', 'zh-cn', 'en'] as const;

/**
 * The schemas, built on first use rather than when the bundle loads: constructing them was 4 ms
 * of the language server's start-up, and most sessions never validate a file.
 */
function build() {
  const trimmed = () => z.string().check(z.trim(), z.minLength(1));
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  const DateText = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));

  const SuccessorSchema = z.object({
    id: trimmed(),
    kind: z.enum(['rename', 'merge', 'split']),
    part: z.optional(z.string()),
  });

  /** One body in a data file (server/data/agencies/README.md). */
  const AgencyDataSchema = z.object({
    id: trimmed(),
    name: trimmed(),
    fullName: z.optional(trimmed()),
    aliases: z.optional(z.array(trimmed())),
    level: z.optional(z.enum(LEVELS)),
    kind: z.optional(z.enum(KINDS)),
    parent: z.optional(trimmed()),
    since: z.optional(DateText),
    until: z.optional(DateText),
    successors: z.optional(z.array(SuccessorSchema)),
    reform: z.optional(z.string()),
    source: trimmed(),
    template: z.optional(trimmed()),
    province: z.optional(z.string()),
  });

  const DataFileSchema = z.object({
    description: z.optional(z.string()),
    sources: z.record(z.string(), z.object({ title: z.string(), url: z.optional(z.string()) })),
    gaps: z.optional(z.array(z.string())),
    published: z.optional(z.record(z.string(), z.union([z.number(), z.string()]))),
    province: z.optional(z.string()),
    code: z.optional(z.string()),
    level: z.optional(z.string()),
    short: z.optional(z.string()),
    agencies: z.array(AgencyDataSchema),
  });

  /** An agency the workspace file adds, or a data entry it overrides (by name). */
  const AgencySchema = z.strictObject({
    name: trimmed().check(z.describe('单位规范名称 / canonical name, as drafters write it')),
    aliases: z.optional(z.array(trimmed()).check(z.describe('其他名称：全称、简称、旧称 / other names'))),
    fullName: z.optional(trimmed().check(z.describe('全称 / full name'))),
    level: z.optional(z.enum(LEVELS).check(z.describe('层级 / level'))),
    kind: z.optional(z.enum(KINDS).check(z.describe('类别 / kind'))),
    since: z.optional(DateText.check(z.describe('设立 / set up (YYYY, YYYY-MM or YYYY-MM-DD)'))),
    until: z.optional(DateText.check(z.describe('撤销或更名 / abolished or renamed (YYYY, YYYY-MM or YYYY-MM-DD)'))),
    successor: z.optional(trimmed().check(z.describe('承接单位 / the body that took over'))),
    note: z.optional(z.string()),
  });

  /**
   * The project file, fengong.json (and fengong.registry.json, its old name): the registry part
   * (extends … ignore) and the checks' part (rules, messages), for the checker and the editor.
   */
  const RegistryFileSchema = z.strictObject({
    $schema: z.optional(z.string()),
    extends: z.optional(z.array(z.string()).check(z.describe('继承的名录：national、省份名称（如 广东省）或地名；旧预设 inner-mongolia、state-council / registries to extend: national, a province or place by name; the old presets inner-mongolia, state-council'))),
    place: z.optional(z.string().check(z.describe('文件所属地方（如 广东省、武汉市、北京市大兴区），不写则从文件中读取 / the place of the plans here (read from each plan when absent)'))),
    date: z.optional(DateText.check(z.describe('文件日期，不写则从文号或落款读取 / the plans’ date (read from the 文号 or the date line when absent)'))),
    agencies: z.optional(z.array(AgencySchema).check(z.describe('本工作区的单位 / this workspace’s agencies'))),
    retire: z.optional(z.array(trimmed()).check(z.describe('不再使用的名录单位 / data entries this workspace retires'))),
    ignore: z.optional(z.array(z.string()).check(z.describe('不检查的名称 / names never reported'))),
    // Codes are checked by the loader (file.ts), which points at an unknown one by its key.
    rules: z.optional(z.record(z.string(), z.enum(RULE_LEVELS)).check(z.describe('各规则的级别：off、hint、info、warning、error / each rule’s level'))),
    messages: z.optional(z.enum(MESSAGE_LOCALES).check(z.describe('问题提示语言：both（中文在前，附英文）、zh-cn、en / the language of findings'))),
    source: z.optional(z.string().check(z.describe('上位文件（.txt、.md 或 .docx），相对于本文件的路径：检查其措施是否都已分配到任务 / the source document (.txt, .md or .docx), relative to this file: are all its measures assigned to tasks'))),
  });

  return { DateText, SuccessorSchema, AgencyDataSchema, DataFileSchema, AgencySchema, RegistryFileSchema };
}

let built: ReturnType<typeof build> | undefined;

/** The zod schemas (data files, the project file), built once. */
export function schemas(): ReturnType<typeof build> {
  return (built ??= build());
}

type Schemas = ReturnType<typeof build>;
export type AgencyData = z.infer<Schemas['AgencyDataSchema']>;
export type DataFile = z.infer<Schemas['DataFileSchema']>;
export type AgencyEntry = z.infer<Schemas['AgencySchema']>;
export type RegistryFile = z.infer<Schemas['RegistryFileSchema']>;
