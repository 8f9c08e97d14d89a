// What each rule checks, in a line of each language, with no particulars: for a rule's
// description where a finding's message cannot serve (SARIF's rule list, the project file's
// schema, the README's table). Typed over every RuleCode, so a new rule needs its line here.
import type { RuleCode } from './rules';

export const RULE_DESCRIPTIONS: Record<RuleCode, { zh: string; en: string }> = {
  'clause.missing': { zh: '任务缺少责任条款', en: 'A task has no responsibility clause' },
  'clause.no-lead': { zh: '条款列有配合单位，但没有牵头单位', en: 'A clause names cooperating parties but no lead' },
  'clause.empty': { zh: '条款没有写任何单位', en: 'A clause names no party' },
  'clause.unclosed': { zh: '条款括号没有闭合', en: "A clause's bracket is never closed" },
  'clause.mismatched-brackets': { zh: '条款的左右括号不配对', en: "A clause's opening and closing brackets differ" },
  'agency.unknown': { zh: '单位不在单位名录中', en: 'A party is not in the agency registry' },
  'agency.superseded': { zh: '单位在文件日期前已撤销或更名', en: "An agency was abolished or renamed before the plan's date" },
  'agency.alias': { zh: '同一单位在本文件中有两种写法', en: 'One agency is written under two names in the plan' },
  'agency.duplicate': { zh: '同一单位在一个条款中重复出现', en: 'The same agency appears twice in one clause' },
  'agency.lead-and-cooperating': { zh: '牵头单位又列为配合单位', en: 'A lead is also listed as cooperating' },
  'deadline.before-document': { zh: '任务完成时限早于本文件的日期', en: "A task's deadline is earlier than the plan's own date" },
  'numbering.gap': { zh: '章节或条目编号跳号', en: 'Chapter, section or item numbers skip' },
  'numbering.duplicate': { zh: '章节或条目编号重复', en: 'Chapter, section or item numbers repeat' },
  'numbering.order': { zh: '章节或条目编号倒序', en: 'Chapter, section or item numbers go backwards' },
  'coverage.unassigned': { zh: '上位文件的措施未分配到任何任务', en: 'Measures of the source document are assigned to no task' },
  'coverage.unsourced': { zh: '任务在上位文件中找不到对应的措施', en: 'A task matches no measure of the source document' },
  'engine.too-large': { zh: '文件过大，只显示大纲，不作检查', en: 'Document too large: outline only, no checks' },
  'engine.limit': { zh: '问题过多，其余未显示', en: 'Too many findings; the rest are not shown' },
  'registry.invalid-json': { zh: '项目文件不是有效的 JSON', en: 'The project file is not valid JSON' },
  'registry.invalid': { zh: '项目文件的内容不合格式', en: 'A value in the project file is malformed' },
  'registry.unknown-preset': { zh: '项目文件 extends 中的名录未知', en: 'An unknown registry in the project file’s extends' },
  'registry.unknown-place': { zh: '项目文件中的地方未知', en: 'An unknown place in the project file' },
  'registry.unknown-rule': { zh: '项目文件 rules 中的规则代码未知', en: 'An unknown rule code in the project file’s rules' },
  'registry.unreadable': { zh: '适用的项目文件无法读取（不是普通文件，或过大）', en: 'The project file that applies cannot be read (not a regular file, or too large)' },
  'registry.duplicate-name': { zh: '一个名称属于两个单位', en: 'One name belongs to two agencies' },
  'engine.internal': { zh: '内部错误', en: 'Internal error' },
};

/** The codes a project file's `rules` may set: the plans' rules (the project file's own and the engine's are not switched). */
export function planRuleCodes(): RuleCode[] {
  return (Object.keys(RULE_DESCRIPTIONS) as RuleCode[]).filter((c) => !c.startsWith('engine.') && !c.startsWith('registry.'));
}
