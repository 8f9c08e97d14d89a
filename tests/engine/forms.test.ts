// Each clause form the real-plans issue names, read from the real documents in
// tests/fixtures/real/ (the line quoted above each case is the document's own text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type Clause } from '../../server/src/engine';
import { parties, plan, ROOT } from '../helpers';

const cache = new Map<string, Analysis>();
function doc(id: string): Analysis {
  let a = cache.get(id);
  if (!a) cache.set(id, (a = analyze(readFileSync(join(ROOT, 'tests/fixtures/real', `${id}.txt`), 'utf8'))));
  return a;
}

/** The clauses whose first party stands on a 1-based line of the document. */
function at(id: string, line: number): Clause[] {
  const { model } = doc(id);
  return model.clauses.filter((c) => model.lines.positionAt(c.span.start).line + 1 === line);
}

function read(id: string, line: number, k = 0): string[] {
  return parties(at(id, line)[k]);
}

describe('labelled clauses', () => {
  it('〔责任单位：…按职责分工负责。具体任务均涉及…，不再做分工，下同。〕 — the note names nobody', () => {
    expect(read('2022-provincial-sichuan-liutong', 8)).toEqual(['responsible:省发展改革委', 'responsible:省市场监管局', 'responsible:省商务厅', 'responsible:省大数据中心']);
  });

  it('[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区] — a name with a bracket, collectives', () => {
    expect(read('2021-county-jiayu-zrfj', 15)).toEqual(['lead:县发改局(粮食局)', 'responsible:各镇人民政府', 'responsible:嘉鱼经济开发区']);
  });

  it('部门分工:省发展改革委牵头,各地、各部门配合。 on its own line, under a 分管省领导 line', () => {
    const [c] = at('2021-provincial-guangdong-zdrw', 39);
    expect(parties(c)).toEqual(['lead:省发展改革委', 'cooperating:各地', 'cooperating:各部门']);
    expect(c.officials.map((o) => o.text)).toEqual(['林克庆']);
  });

  it('牵头领导 / 牵头单位 / 责任单位 lines: one clause, starting at its first party, the official apart', () => {
    const [c] = at('2023-provincial-liaoning-rwfj', 20);
    expect(parties(c)).toEqual([
      'lead:省发展改革委',
      'responsible:省工业和信息化厅',
      'responsible:省农业农村厅',
      'responsible:省商务厅',
      'responsible:各市人民政府',
      'responsible:省沈抚示范区管委会',
    ]);
    expect(c.officials.map((o) => o.text)).toEqual(['省政府分管领导同志']);
  });
});

describe('role words', () => {
  it('主办 / 协办 with a carried 省', () => {
    expect(read('2013-provincial-heilongjiang-zrfg', 13)).toEqual([
      'lead:省发改委',
      ...['省工信委', '省国土资源厅', '省住建厅', '省环保厅', '省水利厅', '省交通运输厅', '省农委', '省商务厅', '省金融办'].map((n) => `cooperating:${n}`),
    ]);
  });

  it('（国家发展改革委会同有关部门负责）: 会同 makes the left side lead, the right side cooperating', () => {
    expect(read('2018-national-zhenzhuashigan', 22)).toEqual(['lead:国家发展改革委', 'cooperating:有关部门']);
  });

  it('（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）: 指导 is responsible, the note names nobody', () => {
    expect(read('2018-national-wufeichengshi', 27)).toEqual(['responsible:生态环境部', 'responsible:试点城市政府']);
  });

  it('由發展改革委會同中央農辦、…等部門研究提出落實意見 — prose, in traditional characters', () => {
    const c = at('2014-national-nongcungaige', 56)[0];
    expect(c.form).toBe('prose');
    expect(parties(c).slice(0, 3)).toEqual(['lead:發展改革委', 'cooperating:中央農辦', 'cooperating:農業部']);
    expect(parties(c).at(-1)).toBe('cooperating:糧食局');
  });

  it('由X牵头，Y配合，在6月底前完成 — prose with a deadline', () => {
    const { model } = analyze(plan('某市重点工作任务分工方案', '一、优化环境', '1.优化营商环境。由市政务服务局牵头，市发改委、市司法局配合，在6月底前完成。'));
    expect(parties(model.clauses[0])).toEqual(['lead:市政务服务局', 'cooperating:市发改委', 'cooperating:市司法局']);
    expect(model.clauses[0].deadlines.map((d) => d.text)).toEqual(['在6月底前完成']);
  });
});

describe('the document’s own convention', () => {
  it('stated inside the first clause with 下同, it holds for the clauses after it', () => {
    // （税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同） … （海关总署、财政部、税务总局负责）
    expect(read('2019-national-zongbaoqu', 18)).toEqual(['lead:税务总局', 'cooperating:财政部', 'cooperating:海关总署']);
    expect(read('2019-national-zongbaoqu', 19)).toEqual(['lead:海关总署', 'cooperating:财政部', 'cooperating:税务总局']);
  });

  it('a clause that marks its own leads keeps them: 省政府辦公廳、省財政廳牽頭,省商務廳…(除標註爲“牽頭”單位外,列第一位的爲牽頭…)', () => {
    expect(read('2024-provincial-zhejiang-zrfj', 17)).toEqual(['lead:省政府辦公廳', 'lead:省財政廳', 'cooperating:省商務廳', 'cooperating:省文化廣電和旅遊廳']);
    // The next clause, under the convention: the first listed leads.
    expect(read('2024-provincial-zhejiang-zrfj', 21)).toEqual(['lead:省財政廳', 'cooperating:省發展改革委']);
  });

  it('a clause of collectives only has no lead', () => {
    const { model } = analyze(plan('《规划》分工方案', '各项工作中列第一位的为牵头单位。', '一、任务', '1.加快建设。（国家发展改革委、财政部负责）', '2.抓好落实。（各省级人民政府负责）'));
    expect(parties(model.clauses[0])).toEqual(['lead:国家发展改革委', 'cooperating:财政部']);
    expect(parties(model.clauses[1])).toEqual(['responsible:各省级人民政府']);
  });
});

describe('lists and names', () => {
  it('X等和各有关省级人民政府: two parties', () => {
    expect(read('2018-national-xiaofeifupin', 11)).toEqual(['扶贫办', '发展改革委', '人力资源社会保障部', '商务部', '各有关省级人民政府'].map((n) => `responsible:${n}`));
  });

  it('carries a prefix only where the name lacks its own', () => {
    const { model } = analyze(plan('《规划》分工方案', '一、任务', '1.加快建设。（省发展改革委、省市场监管局、财政厅牵头，市委组织部、团市委、宣传部，市发展改革委、越秀区、园区党工委配合）'));
    expect(model.clauses[0].parties.map((p) => p.name)).toEqual(['省发展改革委', '省市场监管局', '省财政厅', '市委组织部', '团市委', '市委宣传部', '市发展改革委', '越秀区', '园区党工委']);
  });

  it('各有关区、县级市: 各有关 goes with the bare level word', () => {
    const { model } = analyze(plan('《规划》分工方案', '一、任务', '1.加快建设。（牵头单位：市农业局，配合单位：市科协，各有关区、县级市）'));
    expect(model.clauses[0].parties.map((p) => p.name)).toEqual(['市农业局', '市科协', '各有关区', '各有关县级市']);
  });

  it('市发改委（牵头）、市财政局 and 【牵头单位】X【配合单位】Y', () => {
    const { model } = analyze(plan('某市重点工作任务分工方案', '一、稳增长', '1.扩大有效投资。责任单位：市发改委（牵头）、市财政局', '2.促进消费。【牵头单位】市商务局【配合单位】市财政局、市市场监管局'));
    expect(model.clauses.map(parties)).toEqual([
      ['lead:市发改委', 'responsible:市财政局'],
      ['lead:市商务局', 'cooperating:市财政局', 'cooperating:市市场监管局'],
    ]);
  });
});

describe('text tables', () => {
  it('single spaces: 序号 工 作 任 务 牵头负责部门', () => {
    const { model } = doc('2016-national-lianghuazhibiao');
    const rows = model.tasks.filter((t) => t.clause?.form === 'table');
    expect(rows).toHaveLength(9);
    expect(read('2016-national-lianghuazhibiao', 31)).toEqual(['lead:财政部']);
    expect(rows[4].name).toBe('中央财政安排1000亿元专项奖补资金,重点用于职…');
  });

  it('one cell per line, ` |` after each: the row starts at its number', () => {
    const [c] = at('2025-county-huoshan-kfqzrqd', 7);
    expect(parties(c)).toEqual(['responsible:招商工作部', 'responsible:安商工作部']);
    expect(c.officials.map((o) => o.text)).toEqual(['叶林']);
    expect(c.deadlines.map((o) => o.text)).toEqual(['全年']);
  });

  it('one cell per line, several units on lines of their own', () => {
    expect(read('2016-county-dazhu-msss', 42)).toEqual(['responsible:县水务局', 'responsible:县住建局', 'responsible:县护城河指挥部']);
  });

  it('tabs, with a wrapped cell and lead and cooperating columns', () => {
    const text = plan('某县重点工作任务分工表', '序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t推进老旧小区改造，完成\t县住建局\t县财政局、县发改局\t2024年底', '30个小区。', '2\t新建学校2所\t县教育局\t\t9月前');
    const { model } = analyze(text);
    expect(model.clauses.map(parties)).toEqual([['lead:县住建局', 'cooperating:县财政局', 'cooperating:县发改局'], ['lead:县教育局']]);
    expect(model.clauses[0].deadlines.map((d) => d.text)).toEqual(['2024年底']);
    expect(model.tasks.map((t) => t.line)).toEqual([2, 4]);
  });
});
