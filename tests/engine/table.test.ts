// The task table: number paths and one row per task. Sample values worked out by hand from
// seeds/manzhouli-2014.txt (the clause of each line read off with grep).
import { describe, expect, it } from 'vitest';
import { numberPaths, taskContent, taskRows, taskSummary, taskTable, taskTableTitle, TASK_TABLE_HEADERS, type TaskRow } from '../../server/src/engine/reports/table';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, ROOT, run, SAMPLE } from '../helpers';

/** `number|chapter|section|name|lead|cooperating|responsible|line`: one readable line per row. */
function show(r: TaskRow): string {
  return [r.number, r.chapter, r.section, r.name, r.lead.join('、'), r.cooperating.join('、'), r.responsible.join('、'), r.line].join('|');
}

const paths = (...lines: string[]) => numberPaths(run(plan('《测试规划》重点工作分工方案', ...lines)).model);

describe('number paths', () => {
  it('numbers a section’s tasks from 1, the one on the section line first', () => {
    expect(paths('一、推进改革', '(一)创新体制。深化改革。(自治区商务厅牵头)', '扩大开放。(自治区商务厅牵头)', '(二)发展贸易。', '扩大进口。(自治区商务厅牵头)')).toEqual([
      '一/(一)/1',
      '一/(一)/2',
      '一/(二)/1',
    ]);
  });

  it('lets an item number its only task, and adds an ordinal when it holds several', () => {
    expect(
      paths(
        '一、推进改革',
        '(一)创新体制。深化改革。(自治区商务厅牵头)',
        '1.建设铁路。(自治区交通运输厅牵头)',
        '2.建设公路。(自治区交通运输厅牵头)加快建设服务区。(自治区商务厅牵头,自治区交通运输厅配合)',
        '(1)建设站房。(自治区住房城乡建设厅负责)',
      ),
    ).toEqual(['一/(一)/1', '一/(一)/1.', '一/(一)/2./1', '一/(一)/2./2', '一/(一)/2./(1)']);
  });

  it('numbers tasks straight under a chapter, and sections that restart per chapter', () => {
    expect(paths('一、推进改革', '推进综合改革。(自治区发展改革委牵头)', '(一)创新体制。(自治区商务厅牵头)', '二、扩大开放', '(一)发展贸易。', '扩大进口。(自治区商务厅牵头)')).toEqual([
      '一/1',
      '一/(一)/1',
      '二/(一)/1',
    ]);
  });

  it('numbers plans without chapters, or without any heading', () => {
    expect(paths('(一)加快建设。(自治区商务厅牵头)', '(二)扩大开放。', '扩大进口。(自治区商务厅牵头)')).toEqual(['(一)/1', '(二)/1']);
    expect(paths('加快建设铁路。(自治区商务厅牵头)', '扩大进口,提高水平。(自治区商务厅牵头)')).toEqual(['1', '2']);
    expect(paths()).toEqual([]);
  });

  it('gives every task of the sample a distinct path', () => {
    const all = numberPaths(run(SAMPLE).model);
    expect(all).toHaveLength(77);
    expect(new Set(all).size).toBe(77);
  });
});

describe('the task table of the sample', () => {
  const rows = taskRows(run(SAMPLE).model);

  it('has one row per task in document order', () => {
    expect(rows).toHaveLength(77);
    expect(rows.map((r) => r.line)).toEqual([...rows.map((r) => r.line)].sort((a, b) => a - b));
    // (十五) holds six tasks, (二十) seven.
    expect(rows.filter((r) => r.section.startsWith('(十五)')).map((r) => r.number)).toEqual(Array.from({ length: 6 }, (_, i) => `四/(十五)/${i + 1}`));
    expect(rows.filter((r) => r.section.startsWith('(二十)')).at(-1)!.number).toBe('五/(二十)/7');
  });

  it('fills each cell as the text says', () => {
    const at = (n: string) => show(rows.find((r) => r.number === n)!);
    expect(show(rows[0])).toBe(
      '一/(一)/1|一、推进体制机制改革创新|(一)创新口岸管理服务体系|创新口岸管理服务体系|自治区商务厅|满洲里海关、内蒙古出入境检验检疫局、自治区外事办、自治区交通运输厅、自治区公安边防总队、自治区贸促会||8',
    );
    // line 14: (人民银行呼和浩特中心支行牵头,内蒙古银监局、保监局,自治区金融办等部门配合)
    expect(at('一/(三)/2')).toBe('一/(三)/2|一、推进体制机制改革创新|(三)创新金融服务体系|拓展国际金融业务|人民银行呼和浩特中心支行|内蒙古银监局、内蒙古保监局、自治区金融办||14');
    // line 18: two leads, each for its own scope (分别牵头)
    expect(at('一/(四)/1')).toBe('一/(四)/1|一、推进体制机制改革创新|(四)创新财税管理方式|创新财税管理方式|内蒙古国税局、自治区地税局|自治区财政厅、自治区发展改革委||18');
    // line 56: (十三)'s second task, its own paragraph
    expect(at('三/(十三)/2')).toBe('三/(十三)/2|三、建设现代化国际口岸|(十三)完善欧亚陆路大通道建设|公路建设|自治区交通运输厅|自治区发展改革委、自治区国土资源厅、自治区环保厅、自治区财政厅、自治区外事办||56');
    // line 58: the alias is kept as written in the table (the matrix merges it)
    expect(at('三/(十三)/3')).toBe('三/(十三)/3|三、建设现代化国际口岸|(十三)完善欧亚陆路大通道建设|航空建设|自治区发展改革委|自治区国土资源厅、自治区财政厅、自治区公安厅、自治区外事办、内蒙古民航机场集团公司||58');
    expect(show(rows[76])).toBe('七/(二十九)/3|七、加强生态建设和环境保护|(二十九)消除和减缓不良环境影响的措施|开展环境影响跟踪监测|自治区环保厅|自治区发展改革委、自治区经济和信息化委、自治区国土资源厅||172');
  });

  it('points at each task’s name, for revealing it', () => {
    const r = rows.find((x) => x.number === '一/(三)/2')!;
    expect(SAMPLE.slice(r.nameSpan.start, r.nameSpan.end)).toBe('拓展国际金融业务');
  });

  it('keeps a task without a clause, with empty parties', () => {
    const t = taskRows(run(plan('《测试规划》重点工作分工方案', '一、推进改革', '(一)创新体制。深化改革,加快推进综合配套改革试点工作。', '扩大开放。(自治区商务厅牵头)')).model);
    expect(t.map(show)).toEqual(['一/(一)/1|一、推进改革|(一)创新体制|创新体制||||3', '一/(一)/2|一、推进改革|(一)创新体制|扩大开放|自治区商务厅|||4']);
  });
});

describe('the 任务分工表 (taskTable)', () => {
  const sample = taskTable(run(SAMPLE).model);
  const tasks = sample.rows.filter((r) => r.kind === 'task');

  it('has the columns 序号 任务 牵头单位 配合单位 完成时限, and a group row per chapter and section', () => {
    expect(sample.columns).toEqual(['number', 'task', 'lead', 'cooperating', 'deadline']);
    expect(sample.columns.map((c) => TASK_TABLE_HEADERS[c][0])).toEqual(['序号', '任务', '牵头单位', '配合单位', '完成时限']);
    expect(sample.title).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作任务分工表');
    expect(tasks).toHaveLength(77);
    expect(sample.rows.filter((r) => r.kind === 'chapter')).toHaveLength(7);
    expect(sample.rows.filter((r) => r.kind === 'section')).toHaveLength(29);
    expect(sample.rows.slice(0, 3).map((r) => (r.kind === 'task' ? r.cells.number : r.text))).toEqual(['一、推进体制机制改革创新', '(一)创新口岸管理服务体系', '1']);
  });

  it('gives each task its whole text without its clause, a section’s title left to its row', () => {
    const first = tasks[0].kind === 'task' ? tasks[0].cells : undefined;
    expect(first?.task.startsWith('优化口岸通关服务环境,推进联检联运监管改革')).toBe(true);
    expect(first?.task.endsWith('密切多边、多层次、宽领域互利合作。')).toBe(true);
    const fourth = tasks[3].kind === 'task' ? tasks[3].cells : undefined;
    expect(fourth).toMatchObject({ number: '4', lead: '人民银行呼和浩特中心支行', cooperating: '内蒙古银监局、内蒙古保监局、自治区金融办', deadline: '' });
    expect(fourth?.task.startsWith('拓展国际金融业务。在金融业务、金融产品等方面加强创新')).toBe(true);
    expect(fourth?.task).not.toContain('牵头');
  });

  it('reads a labelled task’s text up to its labels, a prose task’s whole sentence, a table row’s task cell', () => {
    const labelled = run(plan('重点工作分工方案', '一、重点任务', '1.加强耕地保护，严守红线。', '牵头领导：张三', '牵头单位：自治区自然资源厅', '完成时限：2024年底前')).model;
    const t = taskTable(labelled);
    expect(t.columns).toContain('official');
    expect(t.rows.at(-1)).toMatchObject({ kind: 'task', cells: { task: '加强耕地保护，严守红线。', lead: '自治区自然资源厅', deadline: '2024年底前', official: '张三' } });
    const prose = run(plan('重点工作分工方案', '一、重点任务', '(一)加强保护。由自治区自然资源厅牵头，自治区农牧厅配合，在6月底前完成全区规划编制。')).model;
    expect(taskContent(prose, prose.tasks[0])).toBe('由自治区自然资源厅牵头，自治区农牧厅配合，在6月底前完成全区规划编制。');
    const table = run(plan('民生实事分工方案', '序号\t民生实事\t责任单位\t完成时限', '1\t启动建设城区段综合治理工程。\t县水务局\t12月底前')).model;
    expect(taskContent(table, table.tasks[0])).toBe('启动建设城区段综合治理工程。');
    // One cell per line (2019-county-lueyang-wlrw): every cell that names no one and holds no number.
    const lueyang = readFileSync(join(ROOT, 'tests/fixtures/real/2019-county-lueyang-wlrw.txt'), 'utf8');
    const cells = run(lueyang).model;
    expect(taskContent(cells, cells.tasks[0])).toBe('公共文化服务\u3000“两馆一站”免费开放服务人次较上年增长15%。');
  });

  it('shortens a task’s text for a printed page: whole sentences first, never inside a 《》 title', () => {
    expect(taskSummary('拓展国际金融业务。在金融业务、金融产品等方面加强创新，积极推动开展跨境贸易人民币结算业务。开展区内企业跨境人民币贷款业务。', 30)).toBe('拓展国际金融业务。在金融业务、金融产品等方面加强创新……');
    expect(taskSummary('短任务。', 30)).toBe('短任务。');
    expect(taskSummary('积极落实《中华人民共和国东北地区与俄罗斯联邦远东及东西伯利亚地区合作规划纲要（2009—2018年）》，加快推进合作。', 44)).toBe('积极落实《中华人民共和国东北地区与俄罗斯联邦远东及东西伯利亚地区合作规划纲要（2009—2018年）》……');
    expect(taskSummary('积极落实《一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的规划》。', 20)).toBe('积极落实……');
  });

  it('names the table after the plan', () => {
    expect(taskTableTitle('《规划》重点工作分工方案')).toBe('《规划》重点工作任务分工表');
    expect(taskTableTitle('2024年重点任务分工方案')).toBe('2024年重点任务分工表');
    expect(taskTableTitle('关于推进人才集聚工程的实施意见')).toBe('关于推进人才集聚工程的实施意见任务分工表');
    expect(taskTableTitle(undefined)).toBe('任务分工表');
    // A cover notice: the plan it prints, or the bare name.
    expect(taskTableTitle('国务院办公厅关于印发《国家粮食应急预案》的通知')).toBe('《国家粮食应急预案》任务分工表');
    expect(taskTableTitle('大竹县人民政府办公室关于对2016年民生实事进行重点督办的通知')).toBe('任务分工表');
  });
});
