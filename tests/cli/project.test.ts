// The project file as the checker reads it: fengong.json (JSONC) with the registry part and
// rules and messages; the nearest above a plan wins; fengong.registry.json still works; a
// broken file is reported in itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { build, cli, FAULTY, json, workspace } from './cli';

beforeAll(build);

const codes = (r: ReturnType<typeof cli>) => json(r).files.map((f) => f.diagnostics.map((d) => `${d.severity} ${d.code}`));

describe('fengong.json', () => {
  it('sets rule levels and the language of findings, with comments and trailing commas', () => {
    const ws = workspace({
      'fengong.json': `{
  // 本项目：缺少牵头单位算错误，不报别名
  "rules": {
    "clause.no-lead": "error",
    "agency.alias": "off",
    "agency.unknown": "info",
  },
  "messages": "en",
}`,
      'plans/p.plan.txt': FAULTY,
    });
    const r = cli(['check', '--format', 'json', 'plans'], { cwd: ws });
    expect(codes(r)).toEqual([['info agency.unknown', 'error clause.no-lead', 'error clause.unclosed']]);
    expect(json(r).files[0].diagnostics[1].message).toBe('Clause names cooperating parties but no lead');
    expect(r.status).toBe(1);
    // messages speaks for the whole run when no --locale is given; --locale wins over it.
    expect(cli(['check', 'plans'], { cwd: ws }).stdout.trim().split('\n').at(-1)).toBe('1 file: 2 errors, 0 warnings, 1 infos/hints');
    const zh = cli(['check', '--locale', 'zh-cn', '--format', 'json', 'plans'], { cwd: ws });
    expect(json(zh).files[0].diagnostics[1].message).toBe('条款列有配合单位，但没有牵头单位');
  });

  it('the nearest one above a plan wins; fengong.json over fengong.registry.json in one folder; the old name alone still works', () => {
    const ws = workspace({
      'fengong.json': '{ "rules": { "agency.unknown": "error" } }',
      'a/p.plan.txt': FAULTY,
      'b/fengong.json': '{ "rules": { "agency.unknown": "hint" } }',
      'b/fengong.registry.json': '{ "rules": { "agency.unknown": "off" } }',
      'b/p.plan.txt': FAULTY,
      'c/fengong.registry.json': '{ "agencies": [{ "name": "满洲里海关X" }], "rules": { "clause.unclosed": "warning" } }',
      'c/deep/p.plan.txt': FAULTY,
    });
    const r = cli(['check', '--format', 'json', '.'], { cwd: ws });
    const byPath = Object.fromEntries(json(r).files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity} ${d.code}`)]));
    expect(byPath['a/p.plan.txt']).toContain('error agency.unknown');
    expect(byPath['b/p.plan.txt']).toContain('hint agency.unknown');
    expect(byPath['c/deep/p.plan.txt']).not.toContain('warning agency.unknown');
    expect(byPath['c/deep/p.plan.txt']).toContain('warning clause.unclosed');
    // --project names one for every plan.
    const forced = cli(['check', '--format', 'json', '--project', 'b/fengong.registry.json', 'a/p.plan.txt'], { cwd: ws });
    expect(codes(forced)[0]).not.toContain('warning agency.unknown');
  });

  it('a broken one: located findings in the file itself, exit 1, the plans still checked', () => {
    const text = '{\n  "rules": {\n    "clause.nope": "off",\n    "clause.missing": "loud"\n  },\n  "extends": ["亚特兰蒂斯省"]\n}\n';
    const ws = workspace({ 'fengong.json': text, 'p.plan.txt': FAULTY });
    const r = cli(['check', 'p.plan.txt'], { cwd: ws });
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('fengong.json:'));
    expect(lines).toEqual([expect.stringMatching(/^fengong\.json:4:5: error: 单位名录格式错误（rules\.clause\.missing）.*\[registry\.invalid\]$/)]);
    expect(r.stdout).toContain('p.plan.txt:176:6: error:');
    // Fixed to a valid value: what else is wrong is pointed at by its key.
    const ws2 = workspace({ 'fengong.json': text.replace('loud', 'error'), 'p.plan.txt': FAULTY });
    const r2 = cli(['check', '--format', 'json', 'p.plan.txt'], { cwd: ws2 });
    expect(json(r2).projectFiles[0].diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['3 registry.unknown-rule', '6 registry.unknown-preset']);
    expect(cli(['check', '--project', 'gone.json', 'p.plan.txt'], { cwd: ws2 }).stderr).toBe('fengong: 无法读取项目文件 (cannot read the project file, ENOENT): gone.json\n');
  });
});
