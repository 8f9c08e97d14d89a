// Every rule: a text where it must fire, and one where it must not.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan, indexSource, loadRegistryFile, messageOf, presetRegistry, registryFindings, RULES, type Finding, type RuleCode } from '../../server/src/engine';
import { codes, plan, ROOT, run, SAMPLE, taskPlan } from '../helpers';
import { unreadableProjectFinding } from '../../server/src/lsp/diagnostics';

const fires = (text: string, code: string) => expect(codes(text)).toContain(code);
const quiet = (text: string, code: string) => expect(codes(text)).not.toContain(code);

describe('clause rules', () => {
  it('clause.missing: a task paragraph among tasks with clauses has none', () => {
    const text = taskPlan('加快口岸建设。优化通关环境。(自治区商务厅牵头)\n推进物流发展。培育物流龙头企业，吸引物流企业入驻。');
    fires(text, 'clause.missing');
    const f = run(text).findings.find((x) => x.code === 'clause.missing')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('推进物流发展');
  });
  it('clause.missing: not in a part without clauses, not for a lead-in, not for noise', () => {
    const text = plan(
      '《规划》重点工作分工方案',
      '一、总体要求',
      '(一)指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻落实。',
      '二、重点任务',
      '(二)加快建设。主要包括以下内容：',
      '加快口岸建设。优化通关环境。(自治区商务厅牵头)',
      '2014年05月12日 | 来源:中国内蒙古 | 阅读量:2628',
      '回到顶部',
    );
    quiet(text, 'clause.missing');
    quiet(SAMPLE, 'clause.missing');
  });

  it('clause.no-lead: cooperating parties without a lead', () => {
    fires(taskPlan('加快口岸建设。(自治区财政厅、公安厅等部门配合)'), 'clause.no-lead');
    quiet(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合)'), 'clause.no-lead');
    quiet(taskPlan('加快口岸建设。(自治区商务厅负责,自治区财政厅配合)'), 'clause.no-lead');
  });

  it('clause.empty: a clause that names nobody', () => {
    fires(taskPlan('加快口岸建设。(牵头单位:;配合单位:)'), 'clause.empty');
    fires(taskPlan('加快口岸建设。(等部门配合)'), 'clause.empty');
    quiet(taskPlan('加快口岸建设。(牵头单位:自治区商务厅)'), 'clause.empty');
  });

  it('clause.unclosed: still read, flagged at the bracket', () => {
    const text = taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合');
    const { findings, model } = run(text);
    const f = findings.find((x) => x.code === 'clause.unclosed')!;
    expect(f.severity).toBe('error');
    expect(text.slice(f.span.start, f.span.end)).toBe('(');
    expect(model.clauses[0].parties.map((p) => p.name)).toEqual(['自治区商务厅', '自治区财政厅']);
    quiet(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合)'), 'clause.unclosed');
  });

  it('clause.mismatched-brackets: （…) but not （…）', () => {
    fires(taskPlan('加快口岸建设。（自治区商务厅牵头,自治区财政厅配合)'), 'clause.mismatched-brackets');
    fires(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合】'), 'clause.mismatched-brackets');
    quiet(taskPlan('加快口岸建设。（自治区商务厅牵头,自治区财政厅配合）'), 'clause.mismatched-brackets');
  });
});

describe('agency rules', () => {
  it('agency.unknown: with the nearest registry names', () => {
    const { findings } = run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政局、自治区不存在厅配合)'));
    const unknown = findings.filter((f) => f.code === 'agency.unknown');
    expect(unknown.map((f) => f.args.name)).toEqual(['自治区财政局', '自治区不存在厅']);
    expect(unknown[0].args.near.split('、')).toContain('自治区财政厅');
    expect(unknown[0].message).toContain('自治区财政厅');
    quiet(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合)'), 'agency.unknown');
  });
  it('agency.unknown: collectives are parties, never unknown; the ignore list is honoured', () => {
    quiet(taskPlan('加快口岸建设。(自治区商务厅牵头,各盟市人民政府、相关盟市配合)'), 'agency.unknown');
    const reg = loadRegistryFile('{"extends":["inner-mongolia"],"ignore":["自治区试验区办"]}', 'r.json').registry!;
    expect(codes(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区试验区办配合)'))).toContain('agency.unknown');
    expect(codes(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区试验区办配合)'), { registry: reg })).not.toContain('agency.unknown');
  });
  it('agency.alias: a hint where one agency is written under two names in one plan', () => {
    const text = taskPlan('加快口岸建设。(自治区发展和改革委员会牵头,自治区财政厅配合)\n推进物流。(自治区发展改革委牵头)');
    const { findings } = run(text);
    const alias = findings.filter((f) => f.code === 'agency.alias');
    expect(alias).toHaveLength(1);
    expect(alias[0].severity).toBe('hint');
    expect(text.slice(alias[0].span.start, alias[0].span.end)).toBe('自治区发展和改革委员会');
    expect(alias[0].args.agency).toBe('自治区发展改革委');
    // One name throughout, whichever: no hint, and never one that names the same name twice.
    quiet(taskPlan('加快口岸建设。(自治区发展和改革委员会牵头,自治区财政厅配合)'), 'agency.alias');
    quiet(plan('《规划》分工方案', '一、任务', '1.加快建设。（国家发展改革委、市场监管总局负责）', '2.抓好落实。（市场监管总局负责）'), 'agency.alias');
  });
  it('agency.duplicate: the same agency twice in one clause, also under two names', () => {
    fires(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅、财政厅配合)'), 'agency.duplicate');
    fires(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区发展改革委、自治区发展和改革委员会配合)'), 'agency.duplicate');
    quiet(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合)加强物流。(自治区商务厅牵头)'), 'agency.duplicate');
  });
  it('agency.lead-and-cooperating: a lead listed again as cooperating', () => {
    const { findings } = run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅、商务厅配合)'));
    expect(findings.map((f) => f.code)).toContain('agency.lead-and-cooperating');
    expect(findings.map((f) => f.code)).not.toContain('agency.duplicate');
    quiet(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合)'), 'agency.lead-and-cooperating');
  });
  it('no set-up: a county plan is checked against the county template under its own level word', () => {
    const text = plan('XX县重点工作分工方案', '一、重点任务', '(一)加快建设。(县发展和改革局牵头,县甲局配合)');
    const unknown = run(text).findings.filter((f) => f.code === 'agency.unknown');
    expect(unknown.map((f) => f.args.name)).toEqual(['县甲局']);
  });
  it('agency.superseded: a name abolished before the plan’s date, with its successor and reform', () => {
    const text = (year: number) => plan(`${year}年自然资源工作任务分工方案`, '一、重点任务', '(一)加强耕地保护。(国土资源部牵头,农业农村部配合)');
    const f = run(text(2024)).findings.find((x) => x.code === 'agency.superseded')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('国土资源部');
    expect(f.message).toContain('2018');
    expect(f.message).toContain('自然资源部');
    expect(f.data?.successor).toEqual(['自然资源部']);
    // A 2016 plan rightly names the old body.
    expect(codes(text(2016))).not.toContain('agency.superseded');
  });
});

describe('deadline rules', () => {
  const dated = (clause: string) => plan('自治区自然资源厅2024年重点工作分工方案', '', '2024年3月1日', '一、重点任务', `(一)加强耕地保护。(${clause})`);
  it('deadline.before-document: a hint where the deadline is earlier than the plan’s date', () => {
    const text = dated('自治区自然资源厅牵头;2023年底前完成');
    const f = run(text).findings.find((x) => x.code === 'deadline.before-document')!;
    expect(f.severity).toBe('hint');
    expect(text.slice(f.span.start, f.span.end)).toBe('2023年底前完成');
    expect(f.message).toContain('2024年3月1日');
    // A month of the plan's own year read before the plan's month, too.
    expect(codes(dated('自治区自然资源厅牵头;2月底前完成'))).toContain('deadline.before-document');
  });
  it('deadline.before-document: quiet for later, same-month, ongoing and undated deadlines', () => {
    for (const d of ['2024年底前完成', '3月底前', '年内', '持续推进', '长期坚持', '适时']) quiet(dated(`自治区自然资源厅牵头;${d}`), 'deadline.before-document');
    // No plan date: nothing to compare with.
    quiet(plan('重点工作分工方案', '一、重点任务', '(一)加强耕地保护。(自治区自然资源厅牵头;2023年底前完成)'), 'deadline.before-document');
  });
});

describe('numbering rules', () => {
  const doc = (...headings: string[]) => plan('《规划》重点工作分工方案', ...headings.map((h) => `${h}加快建设。(自治区商务厅牵头)`));
  it('numbering.gap / duplicate / order for chapters', () => {
    expect(codes(doc('一、', '三、'))).toContain('numbering.gap');
    expect(codes(doc('一、', '二、', '二、'))).toContain('numbering.duplicate');
    expect(codes(doc('一、', '二、', '三、', '二、'))).toContain('numbering.order');
    expect(codes(doc('一、', '二、', '三、')).filter((c) => c.startsWith('numbering.'))).toEqual([]);
  });
  it('accepts run-on and per-chapter sections, and flags breaks in either', () => {
    const runOn = doc('一、', '(一)', '(二)', '二、', '(三)', '(四)');
    const perChapter = doc('一、', '(一)', '(二)', '二、', '(一)', '(二)');
    expect(codes(runOn).filter((c) => c.startsWith('numbering.'))).toEqual([]);
    expect(codes(perChapter).filter((c) => c.startsWith('numbering.'))).toEqual([]);
    expect(codes(doc('一、', '(一)', '(二)', '二、', '(三)', '(五)'))).toContain('numbering.gap');
    expect(codes(doc('一、', '(一)', '(二)', '二、', '(一)', '(一)', '三、', '(一)'))).toContain('numbering.duplicate');
  });
  it('numbers items within their parent, both 1. and (1)', () => {
    expect(codes(doc('一、', '(一)', '1.', '2.', '(二)', '1.', '2.', '(1)', '(2)')).filter((c) => c.startsWith('numbering.'))).toEqual([]);
    const f = run(doc('一、', '(一)', '1.', '3.')).findings.find((x) => x.code === 'numbering.gap')!;
    expect(f.args).toMatchObject({ expected: '2', actual: '3' });
    const s = run(doc('一、', '(一)', '(二)', '(四)')).findings.find((x) => x.code === 'numbering.gap')!;
    expect(s.args).toMatchObject({ expected: '三', actual: '四' });
  });
  it('the sample has no numbering finding', () => quiet(SAMPLE, 'numbering.gap'));
});

describe('the rule table', () => {
  // One example per code, typed by the table: a new rule without an example does not compile.
  const EXAMPLES: Record<RuleCode, () => Finding[]> = {
    'clause.missing': () => run(taskPlan('加快口岸建设。优化通关环境。(自治区商务厅牵头)\n推进物流发展。培育物流龙头企业，吸引物流企业入驻。')).findings,
    'clause.no-lead': () => run(taskPlan('加快口岸建设。(自治区财政厅、公安厅等部门配合)')).findings,
    'clause.empty': () => run(taskPlan('加快口岸建设。(等部门配合)')).findings,
    'clause.unclosed': () => run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅配合')).findings,
    'clause.mismatched-brackets': () => run(taskPlan('加快口岸建设。（自治区商务厅牵头,自治区财政厅配合)')).findings,
    'agency.unknown': () => run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区不存在厅配合)')).findings,
    'agency.alias': () => run(taskPlan('加快口岸建设。(自治区发展和改革委员会牵头,自治区财政厅配合)\n推进物流。(自治区发展改革委牵头)')).findings,
    'agency.superseded': () => run(plan('2024年重点工作分工方案', '一、重点任务', '(一)加强耕地保护。(国土资源部牵头,农业农村部配合)')).findings,
    'agency.duplicate': () => run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅、财政厅配合)')).findings,
    'agency.lead-and-cooperating': () => run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区财政厅、商务厅配合)')).findings,
    'numbering.gap': () => run(plan('《规划》重点工作分工方案', '一、加快建设。(自治区商务厅牵头)', '三、加快建设。(自治区商务厅牵头)')).findings,
    'numbering.duplicate': () => run(plan('《规划》重点工作分工方案', '一、加快建设。(自治区商务厅牵头)', '一、加快建设。(自治区商务厅牵头)')).findings,
    'numbering.order': () => run(plan('《规划》重点工作分工方案', '一、加快建设。(自治区商务厅牵头)', '二、加快建设。(自治区商务厅牵头)', '一、加快建设。(自治区商务厅牵头)')).findings,
    'deadline.before-document': () => run(plan('2024年重点工作分工方案', '关于印发的通知（〔2024〕3号）', '一、重点任务', '(一)加强耕地保护。(自治区自然资源厅牵头,自治区农牧厅配合;2023年底前完成)')).findings,
    'coverage.unassigned': () => run(taskPlan('加快口岸建设。(自治区商务厅牵头)'), { source: indexSource('推进物流园区建设。加快口岸建设。') }).findings,
    'coverage.unsourced': () => run(taskPlan('加快口岸建设。(自治区商务厅牵头)\n举办体育赛事。(自治区体育局牵头)'), { source: indexSource('加快口岸建设。') }).findings,
    'engine.limit': () => checkPlan(run(taskPlan('加快口岸建设。(自治区商务厅牵头,自治区甲厅、自治区乙厅配合)')).model, { registry: presetRegistry(['inner-mongolia']), maxFindings: 1 }),
    'engine.too-large': () => run(SAMPLE, { checkUpTo: 1000 }).findings,
    'engine.internal': () =>
      run(SAMPLE, {
        registry: {
          lookup: () => {
            throw new Error('boom');
          },
        } as never,
      }).findings,
    'registry.unknown-place': () => registryFindings(loadRegistryFile('{ "place": "亚特兰蒂斯" }', 'r.json').findings),
    'registry.invalid-json': () => registryFindings(loadRegistryFile('{ "agencies": [', 'r.json').findings),
    'registry.invalid': () => registryFindings(loadRegistryFile('{ "agencies": [{ "nom": "X" }] }', 'r.json').findings),
    'registry.unknown-preset': () => registryFindings(loadRegistryFile('{ "extends": ["atlantis"] }', 'r.json').findings),
    'registry.unknown-rule': () => registryFindings(loadRegistryFile('{ "rules": { "clause.nope": "off" } }', 'r.json').findings),
    // Made by the language server (lsp/diagnostics.ts) for a plan whose project file it may not read.
    'registry.unreadable': () => [unreadableProjectFinding('《甲》分工方案\n', '/ws/fengong.json', { code: 'ENOTREG' }, {})!],
    'registry.duplicate-name': () => registryFindings(loadRegistryFile('{ "agencies": [{ "name": "甲局" }, { "name": "乙局", "aliases": ["甲局"] }] }', 'r.json').findings),
  };
  const ARGS = { count: '1', ratio: '50%', list: 'l', name: 'X', open: '(', close: ')', agency: 'X', written: 'X', expected: '1', actual: '2', near: '', shown: '1', skipped: '2', error: 'e', path: 'p', preset: 'p', known: 'k', until: '2018', untilZh: '2018年', reform: '2018', how: 'rename', successor: 'Y', place: 'p', deadline: 'd', due: '2023-12', date: '2024', dateZh: '2024年', reason: '不是普通文件', reasonEn: 'not a regular file', chars: '2,000,001', limit: '2,000,000' };

  it.each([...RULES.keys()])('%s: fires on its example with the table\'s severity, and reads in zh-cn and en', (code) => {
    const rule = RULES.get(code)!;
    const found = EXAMPLES[code]().find((f) => f.code === code);
    expect(found, code).toBeDefined();
    expect(found!.severity).toBe(rule.severity);
    expect(found!.message).toBe(messageOf(code, found!.args));
    expect(rule.zh(ARGS)).toMatch(/[\u4e00-\u9fff]/);
    // English throughout; Chinese only where the message quotes what users write (e.g. 广东省).
    expect(rule.en(ARGS).replace(/[\u4e00-\u9fff、]+/g, '')).toMatch(/^[\x20-\x7e]+$/);
  });

  it('covers every code the README documents', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of RULES.keys()) {
      if (code.startsWith('engine.')) continue;
      const [group, name] = code.split('.');
      expect(readme.includes(`\`${code}\``) || readme.includes(`\`.${name}\``) && readme.includes(`\`${group}.`), code).toBe(true);
    }
  });

  it('lets settings override a severity, or switch a rule off', () => {
    const text = taskPlan('加快口岸建设。(自治区财政厅等部门配合)');
    expect(run(text, { severities: { 'clause.no-lead': 'error' } }).findings.find((f) => f.code === 'clause.no-lead')?.severity).toBe('error');
    expect(codes(text, { severities: { 'clause.no-lead': 'ignore' } })).not.toContain('clause.no-lead');
    expect(run(text, { locale: 'en' }).findings[0].message).toBe('Clause names cooperating parties but no lead');
    expect(presetRegistry(['inner-mongolia']).size).toBeGreaterThan(150);
  });
});
