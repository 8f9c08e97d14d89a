// Every clause form of format.md: where it must be read, and where it must not.
import { describe, expect, it } from 'vitest';
import { clausesOf, parties, plan, run, taskPlan } from '../helpers';

const one = (paragraph: string) => {
  const clauses = clausesOf(taskPlan(paragraph));
  expect(clauses).toHaveLength(1);
  return clauses[0];
};

describe('brackets', () => {
  it.each([
    ['(', ')'],
    ['（', '）'],
    ['〔', '〕'],
    ['[', ']'],
    ['【', '】'],
  ])('reads a clause in %s %s', (open, close) => {
    const c = one(`加强口岸建设。优化通关环境。${open}自治区商务厅牵头,自治区财政厅配合${close}`);
    expect(parties(c)).toEqual(['lead:自治区商务厅', 'cooperating:自治区财政厅']);
    expect(c.unclosed).toBe(false);
    expect(c.mismatched).toBe(false);
  });

  it('reads a clause whose brackets differ in width, and marks it', () => {
    const c = one('加强口岸建设。（自治区商务厅牵头,自治区财政厅配合)');
    expect(c.mismatched).toBe(true);
    expect(parties(c)).toEqual(['lead:自治区商务厅', 'cooperating:自治区财政厅']);
  });

  it('reads an unclosed clause to the end of its paragraph', () => {
    const c = one('加强口岸建设。(自治区商务厅牵头,自治区财政厅等部门配合');
    expect(c.unclosed).toBe(true);
    expect(parties(c)).toEqual(['lead:自治区商务厅', 'cooperating:自治区财政厅']);
  });

  it('keeps names with brackets whole: 各街道(功能区)', () => {
    const c = one('做好社区服务。(各街道(功能区)负责)');
    expect(parties(c)).toEqual(['responsible:各街道(功能区)']);
    expect(c.parties[0].collective).toBe(true);
  });

  it('does not read a bracket that names no role', () => {
    const text = plan('为贯彻落实《规划》(以下简称《规划》)，现提出如下分工方案。', '一、总体要求', '(一)发展中国(满洲里)试验区。建设合作区(含边境区)。(自治区商务厅牵头)');
    const clauses = clausesOf(text);
    expect(clauses).toHaveLength(1);
    expect(parties(clauses[0])).toEqual(['lead:自治区商务厅']);
  });
});

describe('role words and tails', () => {
  it.each([
    ['自治区商务厅牵头', ['lead:自治区商务厅']],
    ['自治区商务厅负责', ['responsible:自治区商务厅']],
    ['自治区商务厅、财政厅等负责', ['responsible:自治区商务厅', 'responsible:自治区财政厅']],
    ['自治区各有关部门按职责分工负责', ['responsible:自治区各有关部门']],
    ['自治区商务厅、财政厅分别负责', ['responsible:自治区商务厅', 'responsible:自治区财政厅']],
    ['自治区商务厅牵头,自治区财政厅参与', ['lead:自治区商务厅', 'cooperating:自治区财政厅']],
    ['自治区商务厅牵头,自治区财政厅协同', ['lead:自治区商务厅', 'cooperating:自治区财政厅']],
    ['自治区商务厅牵头,自治区财政厅等有关部门配合', ['lead:自治区商务厅', 'cooperating:自治区财政厅']],
    ['自治区商务厅牵头,自治区财政厅等单位配合', ['lead:自治区商务厅', 'cooperating:自治区财政厅']],
    ['内蒙古国税局、自治区地税局按照各自征管范围分别牵头,自治区财政厅配合', ['lead:内蒙古国税局', 'lead:自治区地税局', 'cooperating:自治区财政厅']],
    ['由自治区商务厅牵头', ['lead:自治区商务厅']],
  ])('reads (%s)', (content, expected) => {
    expect(parties(one(`加强口岸建设。(${content})`))).toEqual(expected);
  });

  it('takes separators of either width and 和 / 及 between agencies, not inside names', () => {
    expect(parties(one('加强建设。(自治区商务厅牵头，自治区财政厅；自治区发展改革委配合)'))).toEqual([
      'lead:自治区商务厅',
      'cooperating:自治区财政厅',
      'cooperating:自治区发展改革委',
    ]);
    expect(parties(one('加强建设。(自治区商务厅牵头,自治区发展改革委和财政厅配合)'))).toEqual([
      'lead:自治区商务厅',
      'cooperating:自治区发展改革委',
      'cooperating:自治区财政厅',
    ]);
    expect(parties(one('加强建设。(自治区住房和城乡建设厅牵头,自治区经济和信息化委及财政厅配合)'))).toEqual([
      'lead:自治区住房和城乡建设厅',
      'cooperating:自治区经济和信息化委',
      'cooperating:自治区财政厅',
    ]);
  });
});

describe('carried prefixes', () => {
  it('carries a prefix over its comma group only', () => {
    const c = one('加强建设。(自治区商务厅牵头,满洲里海关、内蒙古出入境检验检疫局,自治区外事办、交通运输厅等部门配合)');
    expect(c.parties.map((p) => p.name)).toEqual(['自治区商务厅', '满洲里海关', '内蒙古出入境检验检疫局', '自治区外事办', '自治区交通运输厅']);
    expect(c.parties.map((p) => p.written)).toEqual(['自治区商务厅', '满洲里海关', '内蒙古出入境检验检疫局', '自治区外事办', '交通运输厅']);
  });

  it('carries 内蒙古 and leaves a name that stands on its own', () => {
    const c = one('加强金融。(自治区金融办牵头,内蒙古国税局、人民银行呼和浩特中心支行,内蒙古银监局、保监局、证监局配合)');
    expect(c.parties.map((p) => p.name)).toEqual(['自治区金融办', '内蒙古国税局', '人民银行呼和浩特中心支行', '内蒙古银监局', '内蒙古保监局', '内蒙古证监局']);
  });

  it('carries a place prefix such as 呼伦贝尔市 without any registry', () => {
    const c = one('加强建设。(呼伦贝尔市发展改革委牵头,呼伦贝尔市财政局、商务局配合)');
    expect(c.parties.map((p) => p.name)).toEqual(['呼伦贝尔市发展改革委', '呼伦贝尔市财政局', '呼伦贝尔市商务局']);
  });

  it('never carries 国家: State Council texts write it where a body has it, and bare names resolve', () => {
    const c = one('加强能源。(国家发展改革委、能源局牵头,财政部、工业和信息化部配合)');
    expect(c.parties.map((p) => `${p.name}=${p.agency}`)).toEqual([
      '国家发展改革委=国家发展改革委',
      '能源局=国家能源局',
      '财政部=财政部',
      '工业和信息化部=工业和信息化部',
    ]);
  });
});

describe('labelled forms', () => {
  it('reads labels inside brackets', () => {
    const c = one('加强建设。(牵头单位:自治区商务厅、财政厅;责任单位:自治区发展改革委)');
    expect(parties(c)).toEqual(['lead:自治区商务厅', 'lead:自治区财政厅', 'responsible:自治区发展改革委']);
  });

  it('reads 牵头责任单位 / 协同责任单位 with full-width colons', () => {
    const c = one('加强建设。【牵头责任单位：自治区商务厅；协同责任单位：自治区财政厅、公安厅】');
    expect(parties(c)).toEqual(['lead:自治区商务厅', 'cooperating:自治区财政厅', 'cooperating:自治区公安厅']);
  });

  it('reads labelled lines of their own as the clause of the paragraph above', () => {
    const { model } = run(plan('《测试》任务分工方案', '一、推进改革', '1.加快口岸建设。优化通关环境。', '牵头单位：自治区商务厅', '责任单位：自治区财政厅、公安厅'));
    expect(model.clauses).toHaveLength(1);
    expect(model.tasks).toHaveLength(1);
    expect(model.tasks[0].name).toBe('加快口岸建设');
    expect(parties(model.tasks[0].clause)).toEqual(['lead:自治区商务厅', 'responsible:自治区财政厅', 'responsible:自治区公安厅']);
  });

  it('reads a clause on a line of its own as the clause of the paragraph above', () => {
    const { model } = run(plan('《测试》任务分工方案', '一、推进改革', '加快口岸建设。优化通关环境。', '(自治区商务厅牵头,自治区财政厅配合)'));
    expect(model.tasks).toHaveLength(1);
    expect(model.tasks[0].name).toBe('加快口岸建设');
    expect(parties(model.tasks[0].clause)).toEqual(['lead:自治区商务厅', 'cooperating:自治区财政厅']);
  });

  it('keeps officials and deadlines apart from agencies', () => {
    const c = one('加强建设。(牵头领导:张明;牵头单位:自治区商务厅;配合单位:自治区财政厅;完成时限:2025年底前)');
    expect(parties(c)).toEqual(['lead:自治区商务厅', 'cooperating:自治区财政厅']);
    expect(c.officials.map((o) => o.text)).toEqual(['张明']);
    expect(c.deadlines.map((d) => d.text)).toEqual(['2025年底前']);
    const d = one('加强建设。(分管副省长,省商务厅牵头,省财政厅配合,年内持续推进)');
    expect(parties(d)).toEqual(['lead:省商务厅', 'cooperating:省财政厅']);
    expect(d.officials.map((o) => o.text)).toEqual(['分管副省长']);
    expect(d.deadlines.map((o) => o.text)).toEqual(['年内持续推进']);
  });

  it('makes the first-listed unit the lead where the notice says so', () => {
    const { model } = run(plan('关于印发重点工作任务分工方案的通知', '各部门：现将方案印发给你们。列第一位的为牵头单位。', '重点工作任务分工方案', '一、推进改革', '(一)加快建设。(省商务厅、省财政厅负责)'));
    expect(model.firstListedLeads).toBe(true);
    expect(model.title?.text).toBe('重点工作任务分工方案');
    expect(parties(model.clauses[0])).toEqual(['lead:省商务厅', 'cooperating:省财政厅']);
  });
});

describe('several tasks in one paragraph', () => {
  it('splits a paragraph at each clause', () => {
    const { model } = run(taskPlan('加快口岸建设。优化环境。(自治区商务厅牵头)推进物流发展。培育龙头企业。(自治区交通运输厅牵头)'));
    expect(model.tasks.map((t) => `${t.name}:${t.clause?.parties[0].name}`)).toEqual(['加快口岸建设:自治区商务厅', '推进物流发展:自治区交通运输厅']);
  });
});
