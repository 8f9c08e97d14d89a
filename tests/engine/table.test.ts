// The task table: number paths and one row per task. Sample values worked out by hand from
// seeds/manzhouli-2014.txt (the clause of each line read off with grep).
import { describe, expect, it } from 'vitest';
import { numberPaths, taskRows, type TaskRow } from '../../server/src/engine/reports/table';
import { plan, run, SAMPLE } from '../helpers';

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
