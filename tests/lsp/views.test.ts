// The requests behind the Agencies view, the matrix webview and the export commands, answered
// from analyses as the server holds them (a fake connection records the handlers).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../server/src/engine';
import { agenciesOf, exportOf, matrixOf, registerViewRequests, type ViewAnalyses } from '../../server/src/lsp/views';
import { AgenciesRequest, ExportMatrixRequest, ExportTableRequest, MatrixRequest } from '../../server/src/protocol';
import { plan, run, SAMPLE } from '../helpers';

const SAMPLE_URI = 'file:///ws/plans/manzhouli.plan.txt';
const OTHER_URI = 'file:///ws/plans/other.plan.txt';
const OTHER = plan('《其他》分工方案', '一、任务', '加快建设。(自治区商务厅牵头,自治区财政厅配合)');

const plans = new Map<string, Analysis>([
  [SAMPLE_URI, run(SAMPLE)],
  [OTHER_URI, run(OTHER)],
]);
const analyses: ViewAnalyses = { analysisFor: async (uri) => plans.get(uri), all: async () => plans.entries() };

describe('AgenciesRequest', () => {
  it('lists the agencies of one document with their tasks and where to reveal them', async () => {
    const r = await agenciesOf(analyses, { uri: SAMPLE_URI, scope: 'document' });
    expect(r.scope).toBe('document');
    expect(r.plans).toBe(1);
    expect(r.agencies).toHaveLength(45);
    const a = r.agencies[0];
    expect([a.agency, a.lead, a.cooperating, a.unknown]).toEqual(['自治区商务厅', 14, 17, false]);
    expect(a.tasks).toHaveLength(31);
    expect(a.tasks[0]).toMatchObject({ uri: SAMPLE_URI, number: '一/(一)/1', name: '创新口岸管理服务体系', role: 'lead', line: 8 });
    // ranges are 0-based LSP ranges over the task's name
    const t = a.tasks.find((x) => x.number === '四/(十五)/5')!;
    expect(t.range.start.line).toBe(73);
    expect(SAMPLE.split('\n')[73].slice(t.range.start.character, t.range.end.character)).toBe('大力发展旅游服务贸易');
  });

  it('gives a task its deadline where the plan names one', async () => {
    const uri = 'file:///ws/plans/dated.plan.txt';
    const dated = run(plan('2024年重点工作分工方案', '一、重点任务', '(一)加强耕地保护。(自治区自然资源厅牵头,自治区农牧厅配合;2024年底前完成)', '(二)严格用途管制。(自治区自然资源厅牵头)'));
    const r = await agenciesOf({ analysisFor: async () => dated, all: async () => [[uri, dated]] }, { uri, scope: 'document' });
    const lead = r.agencies.find((a) => a.agency === '自治区自然资源厅')!;
    expect(lead.tasks.map((t) => t.deadline)).toEqual(['2024年底前完成', undefined]);
    expect(r.agencies.find((a) => a.agency === '自治区农牧厅')!.tasks[0].deadline).toBe('2024年底前完成');
  });

  it('merges every plan of the workspace', async () => {
    const r = await agenciesOf(analyses, { scope: 'workspace' });
    expect(r.plans).toBe(2);
    const a = r.agencies.find((x) => x.agency === '自治区商务厅')!;
    expect([a.lead, a.cooperating]).toEqual([15, 17]);
    expect(a.tasks.at(-1)).toMatchObject({ uri: OTHER_URI, number: '一/1', role: 'lead', line: 3 });
    expect(r.agencies.find((x) => x.agency === '自治区财政厅')!.cooperating).toBe(28);
  });

  it('answers empty for no document or an unknown one', async () => {
    expect(await agenciesOf(analyses, { scope: 'document' })).toEqual({ scope: 'document', plans: 0, agencies: [] });
    expect((await agenciesOf(analyses, { uri: 'file:///nowhere.txt' })).agencies).toEqual([]);
  });
});

describe('MatrixRequest', () => {
  it('gives chapters and rows with cells and revealable tasks', async () => {
    const m = (await matrixOf(analyses, SAMPLE_URI))!;
    expect(m.title).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案');
    expect(m.chapters.map((c) => c.number).join('')).toBe('一二三四五六七');
    const tourism = m.rows.find((r) => r.agency === '自治区旅游局')!;
    expect(tourism.cells.map((c) => `${c.lead}/${c.cooperating}`).join(' ')).toBe('0/0 0/2 0/0 5/0 0/0 0/2 0/0');
    // the cell a click opens: 旅游局 in chapter 四
    expect(tourism.tasks.filter((t) => t.chapter === 3).map((t) => t.number)).toEqual(['四/(十五)/5', '四/(十六)/1', '四/(十六)/2', '四/(十六)/3', '四/(十六)/4']);
    expect(await matrixOf(analyses, 'file:///nowhere.txt')).toBeNull();
  });
});

describe('ExportTableRequest and ExportMatrixRequest', () => {
  it('returns text formats as text, named after the file', async () => {
    const csv = await exportOf(analyses, { uri: SAMPLE_URI, format: 'csv' }, 'table');
    expect(csv!.text!.startsWith('\ufeff编号,章,节,任务,牵头单位,配合单位,负责单位,完成时限,责任领导,行\r\n一/(一)/1,')).toBe(true);
    const json = await exportOf(analyses, { uri: SAMPLE_URI, format: 'json' }, 'matrix');
    expect(JSON.parse(json!.text!).files).toEqual([{ path: 'manzhouli.plan.txt', title: '《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案' }]);
    const md = await exportOf(analyses, { uri: SAMPLE_URI, format: 'md', locale: 'en' }, 'matrix');
    expect(md!.text!.split('\n')[0]).toBe('| agency | other names | tasks led | tasks cooperated on | tasks responsible for | led tasks | cooperating tasks | responsible tasks | note |');
  });

  it('returns xlsx as base64 that exceljs reads', async () => {
    const r = await exportOf(analyses, { uri: SAMPLE_URI, format: 'xlsx' }, 'matrix');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r!.base64!, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A2').value).toBe('自治区商务厅');
    expect(wb.worksheets[0].getCell('C2').value).toBe(14);
    expect(wb.worksheets[0].getCell('D2').value).toBe(17);
  });

  it('answers null for an unknown document or format', async () => {
    expect(await exportOf(analyses, { uri: 'file:///nowhere.txt', format: 'csv' }, 'table')).toBeNull();
    expect(await exportOf(analyses, { uri: SAMPLE_URI, format: 'pdf' as 'csv' }, 'table')).toBeNull();
  });
});

describe('registerViewRequests', () => {
  it('registers the four requests, and a failing one is logged and answered empty', async () => {
    const handlers = new Map<string, (p: unknown) => Promise<unknown>>();
    const errors: string[] = [];
    const connection = {
      onRequest: (type: { method: string }, handler: (p: never) => unknown) => handlers.set(type.method, handler as (p: unknown) => Promise<unknown>),
      console: { error: (m: string) => errors.push(m) },
    };
    const broken: ViewAnalyses = {
      analysisFor: () => {
        throw new Error('boom');
      },
      all: async () => [],
    };
    registerViewRequests(connection as never, analyses);
    expect([...handlers.keys()]).toEqual([AgenciesRequest.method, MatrixRequest.method, ExportTableRequest.method, ExportMatrixRequest.method]);
    expect(((await handlers.get(AgenciesRequest.method)!({ uri: SAMPLE_URI, scope: 'document' })) as { plans: number }).plans).toBe(1);

    handlers.clear();
    registerViewRequests(connection as never, broken);
    expect(await handlers.get(MatrixRequest.method)!({ uri: SAMPLE_URI })).toBeNull();
    expect(await handlers.get(AgenciesRequest.method)!({ uri: SAMPLE_URI })).toEqual({ scope: 'document', plans: 0, agencies: [] });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^fengong: matrix failed: Error: boom/);
  });
});
