// Agencies and the responsibility matrix: the data of `fengong matrix`, the Agencies view and
// the matrix webview. Sample values worked out by hand: each clause of seeds/manzhouli-2014.txt
// read off with grep, split at 牵头, the agency looked for before it (lead) and after (cooperating).
import { describe, expect, it } from 'vitest';
import { loadByAgency } from '../../server/src/engine';
import { agencyMatrix, agencyRows, chapterColumns, tasksOf, type AgencyRow } from '../../server/src/engine/reports/matrix';
import { plan, run, SAMPLE } from '../helpers';

const sample = run(SAMPLE);
const matrix = agencyMatrix(sample.model, sample.registry);
const row = (agency: string): AgencyRow => matrix.rows.find((r) => r.agency === agency)!;
const numbers = (r: AgencyRow, role: AgencyRow['tasks'][number]['role']) => tasksOf(r, { role }).map((t) => t.number);
const lines = (r: AgencyRow, role: AgencyRow['tasks'][number]['role']) => tasksOf(r, { role }).map((t) => t.line);
/** `lead/cooperating` per chapter, 一 to 七. */
const cells = (r: AgencyRow) => r.cells.map((c) => `${c.lead}/${c.cooperating}`).join(' ');

describe('agency rows of the sample', () => {
  it('has the seven chapters as columns', () => {
    expect(matrix.chapters.map((c) => c.label)).toEqual([
      '一、推进体制机制改革创新',
      '二、全面扩大对外开放',
      '三、建设现代化国际口岸',
      '四、打造沿边地区新的经济增长极',
      '五、提升城市承载能力',
      '六、加快社会事业发展',
      '七、加强生态建设和环境保护',
    ]);
    expect(matrix.chapters.map((c) => c.line)).toEqual([6, 28, 48, 64, 100, 122, 142]);
  });

  it('自治区商务厅 leads 14 tasks and cooperates on 17', () => {
    const r = row('自治区商务厅');
    expect([r.lead, r.cooperating, r.responsible]).toEqual([14, 17, 0]);
    expect(lines(r, 'lead')).toEqual([8, 30, 32, 34, 36, 38, 42, 52, 60, 66, 68, 70, 72, 76]);
    expect(lines(r, 'cooperating')).toEqual([10, 40, 46, 50, 62, 74, 80, 86, 88, 90, 92, 94, 96, 104, 106, 110, 136]);
    expect(numbers(r, 'lead')).toEqual(['一/(一)/1', '二/(七)/1', '二/(七)/2', '二/(七)/3', '二/(八)/1', '二/(八)/2', '二/(九)/1', '三/(十二)/2', '三/(十四)/1', '四/(十五)/1', '四/(十五)/2', '四/(十五)/3', '四/(十五)/4', '四/(十五)/6']);
    // chapters end at lines 27, 47, 63, 99, 121, 141
    expect(cells(r)).toBe('1/1 6/2 2/2 5/8 0/3 0/1 0/0');
    expect(r.unknown).toBe(false);
    expect(r.aliases).toEqual([]);
  });

  it('自治区旅游局 leads 5 and cooperates on 4', () => {
    const r = row('自治区旅游局');
    expect([r.lead, r.cooperating]).toEqual([5, 4]);
    expect(numbers(r, 'lead')).toEqual(['四/(十五)/5', '四/(十六)/1', '四/(十六)/2', '四/(十六)/3', '四/(十六)/4']);
    expect(numbers(r, 'cooperating')).toEqual(['二/(八)/3', '二/(十一)/1', '六/(二十四)/1', '六/(二十四)/2']);
    expect(cells(r)).toBe('0/0 0/2 0/0 5/0 0/0 0/2 0/0');
  });

  it('自治区财政厅 leads none and cooperates on 27', () => {
    const r = row('自治区财政厅');
    expect([r.lead, r.cooperating]).toEqual([0, 27]);
    expect(cells(r)).toBe('0/3 0/2 0/5 0/5 0/2 0/8 0/2');
  });

  it('自治区外事办 leads one task, and counts once where it is written after a carried 自治区', () => {
    const r = row('自治区外事办');
    expect([r.lead, r.cooperating]).toEqual([1, 16]);
    expect(tasksOf(r, { role: 'lead' }).map((t) => `${t.number} ${t.name}`)).toEqual(['二/(十一)/1 加强边境社会事务合作']);
    expect(lines(r, 'cooperating')).toEqual([8, 32, 34, 36, 38, 50, 52, 54, 56, 58, 60, 76, 78, 80, 130, 138]);
  });

  it('merges 内蒙古民航机场集团公司 into the registry’s 内蒙古民航机场集团', () => {
    const r = row('内蒙古民航机场集团');
    expect(r.aliases).toEqual(['内蒙古民航机场集团公司']);
    expect([r.lead, r.cooperating]).toEqual([0, 3]);
    expect(numbers(r, 'cooperating')).toEqual(['三/(十三)/3', '三/(十四)/1', '四/(十六)/2']);
    expect(matrix.rows.some((x) => x.agency === '内蒙古民航机场集团公司')).toBe(false);
  });

  it('has 45 agencies, none unknown, busiest first, agreeing with loadByAgency', () => {
    expect(matrix.rows).toHaveLength(45);
    expect(matrix.rows.filter((r) => r.unknown)).toEqual([]);
    expect(matrix.rows.slice(0, 3).map((r) => `${r.agency} ${r.lead}/${r.cooperating}`)).toEqual(['自治区商务厅 14/17', '自治区发展改革委 9/51', '自治区经济和信息化委 9/22']);
    const load = loadByAgency(sample.model);
    for (const r of matrix.rows) expect({ agency: r.agency, lead: r.lead, cooperating: r.cooperating, responsible: r.responsible }).toEqual({ agency: r.agency, ...load.get(r.key) });
    // every cell sums to the row's totals; every task ref is in its column
    for (const r of matrix.rows) {
      expect(r.cells.reduce((n, c) => n + c.lead, 0)).toBe(r.lead);
      expect(r.cells.reduce((n, c) => n + c.cooperating, 0)).toBe(r.cooperating);
      expect(r.tasks).toHaveLength(r.lead + r.cooperating + r.responsible);
    }
    expect(tasksOf(row('自治区商务厅'), { chapter: 1, role: 'lead' }).map((t) => t.number)).toEqual(['二/(七)/1', '二/(七)/2', '二/(七)/3', '二/(八)/1', '二/(八)/2', '二/(九)/1']);
  });
});

describe('agency rows on small plans', () => {
  const text = plan(
    '《测试规划》重点工作分工方案',
    '一、推进改革',
    '(一)创新体制。深化改革。(自治区商务厅牵头,自治区商务厅、自治区财政厅配合)',
    '二、扩大开放',
    '(二)发展贸易。',
    '扩大进口。(自治区商务厅牵头,满洲里海关、某某局配合)',
    '促进出口。(各盟市人民政府、自治区交通运输厅负责)',
  );
  const a = run(text);
  const m = agencyMatrix(a.model, a.registry);
  const show = (r: AgencyRow) => `${r.agency}:${r.lead}/${r.cooperating}/${r.responsible}${r.unknown ? ' unknown' : ''}${r.collective ? ' collective' : ''}`;

  it('counts responsible parties, flags unknown agencies and collectives', () => {
    expect(m.rows.map(show)).toEqual([
      '自治区商务厅:2/1/0',
      '自治区财政厅:0/1/0',
      '满洲里海关:0/1/0',
      '某某局:0/1/0 unknown',
      '各盟市人民政府:0/0/1 collective',
      '自治区交通运输厅:0/0/1',
    ]);
    expect(m.rows[0].cells).toEqual([
      { lead: 1, cooperating: 1, responsible: 0 },
      { lead: 1, cooperating: 0, responsible: 0 },
    ]);
  });

  it('flags as unknown only what the plan’s own government’s data lacks', () => {
    const county = run(plan('《测试规划》重点工作分工方案', '一、推进改革', '扩大进口。(县甲局牵头,县财政局配合)'));
    expect(agencyMatrix(county.model, county.registry).rows.map(show)).toEqual(['县甲局:1/0/0 unknown', '县财政局:0/1/0']);
  });

  it('adds a column for tasks above every chapter only when there are some', () => {
    const noChapters = run(plan('《测试规划》重点工作分工方案', '(一)加快建设。(自治区商务厅牵头)'));
    expect(chapterColumns(noChapters.model).chapters.map((c) => c.label)).toEqual(['(章外)']);
    expect(agencyMatrix(noChapters.model).rows[0].cells).toEqual([{ lead: 1, cooperating: 0, responsible: 0 }]);
    expect(chapterColumns(a.model).chapters.map((c) => c.number)).toEqual(['一', '二']);
  });

  it('merges several plans, each task ref naming its plan (the workspace view)', () => {
    const other = run(plan('《另一规划》分工方案', '一、重点任务', '加快建设。(自治区财政厅牵头,自治区商务厅配合)'));
    const rows = agencyRows([
      { doc: 'a', model: a.model, registry: a.registry },
      { doc: 'b', model: other.model, registry: other.registry },
    ]);
    const r = rows.find((x) => x.agency === '自治区商务厅')!;
    expect([r.lead, r.cooperating]).toEqual([2, 2]);
    expect(r.tasks.map((t) => `${t.doc}:${t.number}:${t.role}`)).toEqual(['a:一/(一)/1:lead', 'a:一/(一)/1:cooperating', 'a:二/(二)/1:lead', 'b:一/1:cooperating']);
    expect(r.cells).toEqual([]);
    expect(rows.find((x) => x.agency === '自治区财政厅')!.lead).toBe(1);
  });

  it('gives an empty matrix for an empty document', () => {
    expect(agencyMatrix(run('').model)).toEqual({ chapters: [], rows: [] });
  });
});
