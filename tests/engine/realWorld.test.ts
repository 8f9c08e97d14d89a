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
    expect(registry?.sources).toEqual([{ kind: 'preset', preset: 'state-council' }]);
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

// A provincial 任务分工方案 (tests/fixtures/province-style.txt): a BOM and a web header, only a
// cover notice for a title, sections restarting in each chapter, 1、 items, 【】 labelled
// clauses with 牵头领导, deadlines, 总体要求 and 保障措施 parts without clauses.
const PROVINCE = readFileSync(join(ROOT, 'tests/fixtures/province-style.txt'), 'utf8');

describe('a provincial plan', () => {
  const { model, findings } = run(PROVINCE);

  it('takes the title out of the cover notice', () => {
    expect(model.title?.text).toBe('××省2021年重点工作任务分工方案');
  });

  it('numbers sections per chapter and items per section without numbering findings', () => {
    expect(model.sectionNumbering).toBe('per-chapter');
    expect(model.itemNumbering).toBe('per-parent');
    expect(findings.filter((f) => f.code.startsWith('numbering.'))).toEqual([]);
  });

  it('reads the labelled 【】 clause, keeping the official apart, and the deadline', () => {
    expect(parties(model.clauses[0])).toEqual(['lead:省发展改革委', 'cooperating:省财政厅', 'cooperating:省自然资源厅', 'cooperating:省生态环境厅']);
    expect(model.clauses[0].officials.map((o) => o.text)).toEqual(['分管副省长']);
    expect(model.clauses[2].deadlines.map((d) => d.text)).toEqual(['2021年底前完成']);
    expect(parties(model.clauses[4])).toEqual(['lead:省人力资源社会保障厅', 'cooperating:省教育厅', 'cooperating:省财政厅', 'cooperating:省退役军人事务厅']);
  });

  it('flags the one item without a clause, and nothing in 总体要求, 保障措施 or the noise', () => {
    const missing = findings.filter((f) => f.code === 'clause.missing');
    expect(missing.map((f) => PROVINCE.slice(f.span.start, f.span.end))).toEqual(['做好高校毕业生就业工作']);
    expect(findings.filter((f) => f.severity === 'warning' || f.severity === 'error')).toHaveLength(1);
    expect(findings.map((f) => f.code)).toContain('registry.none'); // 省… bodies: no preset fits
  });
});
