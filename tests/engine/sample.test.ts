// The real sample, whole: structure, every lead, every party known.
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/engine';
import { run, SAMPLE } from '../helpers';

describe('the manzhouli-2014 sample', () => {
  const { model, findings, registry } = run(SAMPLE);

  it('has its title, 7 chapters and 29 run-on sections', () => {
    expect(model.title?.text).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案');
    const chapters = model.headings.filter((h) => h.kind === 'chapter');
    const sections = model.headings.filter((h) => h.kind === 'section');
    expect(chapters.map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sections.map((h) => h.number)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(model.sectionNumbering).toBe('run-on');
    expect(chapters[3].title).toBe('打造沿边地区新的经济增长极');
    expect(sections[28].title).toBe('消除和减缓不良环境影响的措施');
  });

  it('reads 77 clauses, one task each, and no bracket of the preamble', () => {
    expect(model.clauses).toHaveLength(77);
    expect(model.tasks).toHaveLength(77);
    expect(model.tasks.every((t) => t.clause)).toBe(true);
    const preamble = model.preamble!;
    expect(model.clauses.some((c) => c.span.start < preamble.end)).toBe(false);
    // 中国(满洲里) in a task body is no clause either
    expect(model.clauses.some((c) => model.text.slice(c.span.start, c.span.end) === '(满洲里)')).toBe(false);
  });

  it('names tasks by their first short sentence', () => {
    const names = model.tasks.map((t) => t.name);
    expect(names).toContain('拓展国际金融业务');
    expect(names).toContain('提高金融国际化水平'); // (三)'s first task
    expect(names).toContain('铁路建设'); // (十三)完善欧亚陆路大通道建设。铁路建设。
    expect(names).toContain('公路建设');
    expect(names[0]).toBe('创新口岸管理服务体系');
  });

  it('finds the right lead for every clause', () => {
    // Independent oracle: the text between the clause's opening bracket and 牵头, split on 、,
    // with the 自治区 prefix carried inside the group.
    const expected: string[][] = [];
    const re = /\(([^()]*?)(?:按照各自征管范围分别)?牵头[,)]/g;
    for (let m = re.exec(SAMPLE); m; m = re.exec(SAMPLE)) {
      const names = m[1].split('、');
      const prefix = names[0].startsWith('自治区') ? '自治区' : '';
      expected.push(names.map((n, i) => (i > 0 && prefix && !/^(自治区|内蒙古|人民银行)/.test(n) ? prefix + n : n)));
    }
    expect(expected).toHaveLength(77);
    const leads = model.clauses.map((c) => c.parties.filter((p) => p.role === 'lead').map((p) => p.name));
    expect(leads).toEqual(expected);
    expect(leads[5]).toEqual(['内蒙古国税局', '自治区地税局']); // 分别牵头 with a qualifier
    expect(leads[3]).toEqual(['人民银行呼和浩特中心支行']);
  });

  it('restores carried prefixes without inventing any', () => {
    const first = model.clauses[0].parties.map((p) => `${p.role}:${p.name}`);
    expect(first).toEqual([
      'lead:自治区商务厅',
      'cooperating:满洲里海关',
      'cooperating:内蒙古出入境检验检疫局',
      'cooperating:自治区外事办',
      'cooperating:自治区交通运输厅',
      'cooperating:自治区公安边防总队',
      'cooperating:自治区贸促会',
    ]);
    const names = new Set(model.clauses.flatMap((c) => c.parties.map((p) => p.name)));
    expect(names.has('内蒙古人民银行呼和浩特中心支行')).toBe(false);
    expect(names.has('内蒙古保监局')).toBe(true);
    expect(names.has('内蒙古证监局')).toBe(true);
  });

  it('has 46 distinct party names and 45 agencies, all known', () => {
    const parties = model.clauses.flatMap((c) => c.parties);
    expect(new Set(parties.map((p) => p.name)).size).toBe(46);
    expect(new Set(parties.map((p) => p.agency)).size).toBe(45);
    expect(parties.filter((p) => !p.agency)).toEqual([]);
    expect(registry?.sources).toEqual([{ kind: 'preset', preset: 'inner-mongolia' }]);
  });

  it('yields no error and no warning, only the alias hint for 内蒙古民航机场集团公司', () => {
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([]);
    expect(findings.map((f) => `${f.code}:${f.args.written}`)).toEqual([
      'agency.alias:内蒙古民航机场集团公司',
      'agency.alias:内蒙古民航机场集团公司',
    ]);
  });

  it('builds an outline of chapters, sections and tasks with their leads', () => {
    const outline = buildOutline(model);
    expect(outline).toHaveLength(7);
    expect(outline.flatMap((c) => c.children).filter((n) => n.kind === 'section')).toHaveLength(29);
    const third = outline[0].children[2];
    expect(third.title).toBe('创新金融服务体系');
    expect(third.children.map((t) => `${t.title}:${t.detail}`)).toEqual([
      '提高金融国际化水平:自治区金融办',
      '拓展国际金融业务:人民银行呼和浩特中心支行',
      '拓宽直接融资渠道:自治区发展改革委',
    ]);
  });

  it('survives CRLF, a BOM and full-width indentation with the same model', () => {
    const messy = '\ufeff' + SAMPLE.split('\n').map((l) => (l ? '\u3000\u3000' + l : l)).join('\r\n');
    const m2 = run(messy);
    expect(m2.model.clauses).toHaveLength(77);
    expect(m2.model.headings).toHaveLength(36);
    expect(m2.findings.filter((f) => f.severity === 'warning' || f.severity === 'error')).toEqual([]);
    expect(m2.model.clauses.map((c) => c.parties.map((p) => p.name))).toEqual(model.clauses.map((c) => c.parties.map((p) => p.name)));
  });
});
