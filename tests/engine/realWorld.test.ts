// A State Council style 分工意见 (tests/fixtures/state-council-style.txt, written after the
// 2015 国办发〔2015〕14号 layout): a cover notice, items numbered straight through the sections,
// 负责 without 牵头, 〔〕 brackets, labelled lines under an item, 列第一位的为牵头单位 inside a
// clause, and web-page noise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/engine';
import { parties, ROOT, run } from '../helpers';

const TEXT = readFileSync(join(ROOT, 'tests/fixtures/state-council-style.txt'), 'utf8');

describe('a State Council style plan', () => {
  const { model, findings, registry } = run(TEXT);

  it('takes the title after the cover notice, not the notice nor a line above it', () => {
    expect(model.title?.text).toBe('《政府工作报告》重点工作部门分工意见');
  });

  it('picks the state-council registry and knows every body', () => {
    expect(registry?.sources).toEqual(['preset:state-council']);
    expect(findings.filter((f) => f.code === 'agency.unknown')).toEqual([]);
  });

  it('reads items numbered straight through the sections without numbering findings', () => {
    expect(model.itemNumbering).toBe('run-on');
    expect(model.headings.filter((h) => h.kind === 'item').map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(findings.filter((f) => f.code.startsWith('numbering.'))).toEqual([]);
  });

  it('reads every clause form, with the right leads', () => {
    expect(model.tasks.map((t) => `${t.name}|${parties(t.clause).join(' ')}`)).toEqual([
      '今年国内生产总值增长7%左右|lead:发展改革委 responsible:各有关部门',
      '积极的财政政策要加力增效|responsible:财政部',
      '稳健的货币政策要松紧适度|lead:人民银行 cooperating:发展改革委 cooperating:财政部 cooperating:银监会 cooperating:证监会 cooperating:保监会',
      '再取消和下放一批行政审批事项|lead:国务院审改办 responsible:各有关部门',
      '深化商事制度改革|responsible:工商总局 responsible:发展改革委 responsible:商务部',
      '坚持最严格的耕地保护制度|lead:国土资源部 responsible:农业部 responsible:发展改革委',
      '加强农田水利建设|lead:水利部 cooperating:农业部 cooperating:发展改革委 cooperating:财政部',
    ]);
    expect(model.clauses[3].deadlines.map((d) => d.text)).toEqual(['年内完成']);
  });

  it('nests the labelled task under its item in the outline', () => {
    const outline = buildOutline(model);
    const item6 = outline[1].children[0].children[0];
    expect(item6.title).toBe('坚持最严格的耕地保护制度');
    expect(item6.children.map((t) => `${t.kind}:${t.detail}`)).toEqual(['task:国土资源部']);
  });

  it('reports no warning or error: notice, signature, date and web noise are no tasks', () => {
    expect(findings.filter((f) => f.severity === 'warning' || f.severity === 'error')).toEqual([]);
  });
});
