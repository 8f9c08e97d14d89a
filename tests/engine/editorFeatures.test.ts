// What the language server used to compute itself, now the engine's: the completion style,
// quick fixes routed by finding, the tokens' relative encoding, workspace symbols, the status.
import { describe, expect, it } from 'vitest';
import { completionStyle, planStatus, quickFixesFor, semanticTokenData, semanticTokens, workspaceSymbols } from '../../server/src/engine';
import { plan, run, SAMPLE, taskPlan } from '../helpers';

describe('completionStyle', () => {
  it('takes the brackets and comma of the first clause', () => {
    expect(completionStyle(run(taskPlan('加快建设。（自治区商务厅牵头，自治区财政厅配合）')).model)).toEqual({ open: '（', close: '）', comma: '，' });
    expect(completionStyle(run(SAMPLE).model)).toEqual({ open: '(', close: ')', comma: ',' });
    expect(completionStyle(undefined)).toEqual({ open: undefined, close: undefined, comma: ',' });
  });
});

describe('quickFixesFor', () => {
  it('renumbers for a numbering finding, repairs names and clauses otherwise', () => {
    const a = run(plan('《规划》重点工作分工方案', '一、加快建设。(自治区商务厅牵头)', '三、加快建设。(自治区商务厅牵头,自治区不存在厅配合)'));
    const gap = a.findings.find((f) => f.code === 'numbering.gap')!;
    expect(quickFixesFor(a.model, gap, a.registry).map((f) => f.edit.kind)).toEqual(['renumber']);
    const unknown = a.findings.find((f) => f.code === 'agency.unknown')!;
    expect(quickFixesFor(a.model, unknown, a.registry).map((f) => f.edit.kind).at(-1)).toBe('addToRegistry');
  });
});

describe('semanticTokenData', () => {
  it('encodes each token relative to the one before, five numbers each', () => {
    const a = run(SAMPLE);
    const data = semanticTokenData(a.model, true);
    const tokens = semanticTokens(a.model, true);
    expect(data.length).toBe(tokens.length * 5);
    const first = a.model.lines.positionAt(tokens[0].span.start);
    expect(data.slice(0, 3)).toEqual([first.line, first.character, tokens[0].span.end - tokens[0].span.start]);
  });
});

describe('workspaceSymbols', () => {
  it('finds headings and tasks by name across plans, up to a limit', () => {
    const other = run(plan('《其他》分工方案', '一、任务', '加快建设。(自治区商务厅牵头)')).model;
    const plans: [string, typeof other][] = [['a', run(SAMPLE).model], ['b', other]];
    const hits = workspaceSymbols(plans, '加快建设');
    expect(hits.map((h) => `${h.doc}:${h.name}`)).toContain('b:加快建设');
    expect(workspaceSymbols(plans, '', 5)).toHaveLength(5);
    expect(workspaceSymbols(plans, '一、推进体制机制改革创新')[0].container).toBe(run(SAMPLE).model.title?.text);
  });
});

describe('planStatus', () => {
  it('names the registry in effect and counts agencies, tasks and clauses', () => {
    expect(planStatus(run(SAMPLE))).toEqual({ registry: 'national + 内蒙古自治区', place: '内蒙古自治区', year: 2014, registryAgencies: expect.any(Number), agencies: 45, tasks: 77, clauses: 77 });
  });
});
