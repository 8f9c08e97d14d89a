// `fengong check --format text|json|sarif|github`, --quiet, --max-warnings and --locale on the
// sample plan with three faults. The SARIF log is validated against the OASIS SARIF 2.1.0 JSON
// Schema (tests/fixtures/sarif/, draft-04) with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_DESCRIPTIONS, RULES } from '../../server/src/engine';
import { ROOT } from '../helpers';
import { build, cli, FAULTY, json, workspace } from './cli';

let ws: string;
beforeAll(() => {
  build();
  ws = workspace({ 'plans/规划 分工,方案.plan.txt': FAULTY, 'fengong.json': '{ "agencies": [ { "name": "满洲里市政府" } ], "rules": { "numbering.gap": "loud" } }' });
});

const PLAN = 'plans/规划 分工,方案.plan.txt';
const run = (...args: string[]) => cli(['check', ...args, PLAN], { cwd: ws });

const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
})();

describe('check --format', () => {
  it('json: every finding with 1-based lines and UTF-16 columns, the project file with its own', () => {
    const r = run('--format', 'json');
    expect(r.status).toBe(1);
    const out = json(r);
    expect(out.files[0].path).toBe(PLAN);
    expect(out.files[0].diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual(['8 warning agency.unknown', '10 warning clause.no-lead', '176 error clause.unclosed', '58 hint agency.alias', '60 hint agency.alias']);
    const line8 = FAULTY.split('\n')[7];
    expect(out.files[0].diagnostics[0]).toMatchObject({ column: line8.indexOf('满洲里海关X') + 1, endColumn: line8.indexOf('满洲里海关X') + 7 });
    expect(out.projectFiles).toEqual([{ path: 'fengong.json', diagnostics: [expect.objectContaining({ code: 'registry.invalid', line: 1, severity: 'error' })] }]);
  });

  it('text: path:line:column: severity: message [code], the project file first, then the summary', () => {
    const lines = run().stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^fengong\.json:1:\d+: error: .*\[registry\.invalid\]$/);
    expect(lines[1]).toMatch(new RegExp(`^${PLAN}:8:\\d+: warning: 单位“满洲里海关X”不在单位名录中.*\\[agency\\.unknown\\]$`));
    expect(lines.at(-1)).toBe('1 个文件：2 个错误，2 个警告，2 个提示 (1 file: 2 errors, 2 warnings, 2 infos/hints)');
  });

  it('sarif: a valid SARIF 2.1.0 log with every rule and each finding at its file, line and column', () => {
    const r = run('--format', 'sarif');
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({ name: 'fengong', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
    expect(driver.rules.map((x: { id: string }) => x.id)).toEqual([...RULES.keys()]);
    const unknown = driver.rules.find((x: { id: string }) => x.id === 'agency.unknown');
    expect(unknown).toEqual({
      id: 'agency.unknown',
      shortDescription: { text: `${RULE_DESCRIPTIONS['agency.unknown'].zh} (${RULE_DESCRIPTIONS['agency.unknown'].en})` },
      defaultConfiguration: { level: 'warning' },
      properties: { 'zh-cn': '单位不在单位名录中', en: 'A party is not in the agency registry' },
    });
    expect(driver.rules.find((x: { id: string }) => x.id === 'agency.alias').defaultConfiguration.level).toBe('note');
    // The same findings as the JSON, one result each.
    const diagnostics = json(run('--format', 'json')).files[0].diagnostics;
    const results = log.runs[0].results.filter((x: { ruleId: string }) => !x.ruleId.startsWith('registry.'));
    expect(results).toHaveLength(diagnostics.length);
    results.forEach((res: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: object } }[] }, i: number) => {
      const d = diagnostics[i];
      expect(res.ruleId).toBe(d.code);
      expect(driver.rules[res.ruleIndex].id).toBe(d.code);
      expect(res.level).toBe({ error: 'error', warning: 'warning', hint: 'note', info: 'note' }[d.severity]);
      expect(res.message.text).toBe(d.message);
      expect(res.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'plans/%E8%A7%84%E5%88%92%20%E5%88%86%E5%B7%A5%2C%E6%96%B9%E6%A1%88.plan.txt', uriBaseId: '%SRCROOT%' },
        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
      });
    });
    expect(decodeURIComponent(results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(PLAN);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    // The project file's finding is a result in that file.
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'registry.invalid', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'fengong.json' } } }] });
  });

  it('sarif: still valid with no findings, and with an unreadable path as a notification', () => {
    const clean = workspace({ 'a.plan.txt': '《甲》分工方案\n一、任务\n加快建设。(自治区商务厅牵头)\n' });
    let r = cli(['check', '--format', 'sarif', 'a.plan.txt'], { cwd: clean });
    expect(r.status).toBe(0);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
    r = cli(['check', '--format', 'sarif', 'a.plan.txt', 'gone.plan.txt'], { cwd: clean });
    expect(r.status).toBe(2);
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: '无法读取文件 (cannot read file, ENOENT): gone.plan.txt' } }] });
  });

  it('github: one workflow command per finding, with the runner’s escaping, then the summary', () => {
    const r = run('--format', 'github', '--locale', 'en');
    const lines = r.stdout.trim().split('\n');
    const file = 'plans/规划 分工%2C方案.plan.txt';
    const line8 = FAULTY.split('\n')[7];
    const col = line8.indexOf('满洲里海关X') + 1;
    expect(lines[0]).toMatch(/^::error file=fengong\.json,line=1,col=\d+,endLine=1,endColumn=\d+,title=registry\.invalid::Registry entry is malformed at rules\.numbering\.gap: /);
    expect(lines[1]).toBe(`::warning file=${file},line=8,col=${col},endLine=8,endColumn=${col + 6},title=agency.unknown::"满洲里海关X" is not in the agency registry; did you mean 满洲里海关`);
    expect(lines[2]).toMatch(new RegExp(`^::warning file=${file},line=10,.*,title=clause\\.no-lead::Clause names cooperating parties but no lead$`));
    expect(lines[3]).toMatch(/^::error .*title=clause\.unclosed::/);
    expect(lines[4]).toMatch(/^::notice .*title=agency\.alias::/);
    expect(lines.at(-1)).toBe('1 file: 2 errors, 2 warnings, 2 infos/hints');
  });

  it('in GitHub Actions, paths are relative to the checkout (GITHUB_WORKSPACE) for annotations and SARIF, run from wherever', () => {
    const env = { GITHUB_WORKSPACE: ws };
    const from = `${ws}/plans`;
    const github = cli(['check', '--format', 'github', '规划 分工,方案.plan.txt'], { cwd: from, env }).stdout;
    expect(github).toMatch(/^::warning file=plans\/规划 分工%2C方案\.plan\.txt,line=8,/m);
    expect(github).toMatch(/^::error file=fengong\.json,line=1,/m);
    const log = JSON.parse(cli(['check', '--format', 'sarif', '规划 分工,方案.plan.txt'], { cwd: from, env }).stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => decodeURIComponent(x.locations[0].physicalLocation.artifactLocation.uri))).toContain(PLAN);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${ws}/`);
    // The text format keeps paths as the user gave them.
    expect(cli(['check', '规划 分工,方案.plan.txt'], { cwd: from, env }).stdout).toMatch(/^规划 分工,方案\.plan\.txt:8:/m);
  });
});

describe('check --quiet, --max-warnings, --locale', () => {
  it('--quiet reports errors only, in every format; the summary still counts all', () => {
    const lines = run('--quiet').stdout.trim().split('\n');
    expect(lines.map((l) => /\[([\w.-]+)\]$/.exec(l)?.[1] ?? 'summary')).toEqual(['registry.invalid', 'clause.unclosed', 'summary']);
    expect(lines.at(-1)).toContain('2 个警告');
    expect(json(run('--quiet', '--format', 'json')).files[0].diagnostics.map((d) => d.code)).toEqual(['clause.unclosed']);
    const log = JSON.parse(run('-q', '--format', 'sarif').stdout);
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['registry.invalid', 'clause.unclosed']);
    expect(run('-q', '--format', 'github').stdout.trim().split('\n')).toHaveLength(3);
  });

  it('--max-warnings N: exit 1 when there are more than N warnings, saying so in one line', () => {
    const clean = workspace({ 'p.plan.txt': FAULTY.replace('\n加快建设。(自治区商务厅牵头', '') });
    const at = (n: string) => cli(['check', '--max-warnings', n, 'p.plan.txt'], { cwd: clean });
    expect(cli(['check', 'p.plan.txt'], { cwd: clean }).status).toBe(0);
    expect(at('2').status).toBe(0);
    const over = at('1');
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('fengong: 警告 2 个，多于 --max-warnings 1 (2 warnings, more than --max-warnings 1)\n');
    expect(cli(['check', '--max-warnings=0', '--quiet', 'p.plan.txt'], { cwd: clean }).status).toBe(1);
    for (const bad of ['-1', 'two', '']) {
      const r = cli(['check', `--max-warnings=${bad}`, 'p.plan.txt'], { cwd: clean });
      expect(r.status, bad).toBe(2);
      expect(r.stderr.trim().split('\n'), bad).toHaveLength(1);
    }
  });

  it('--locale applies to everything printed: findings, the project file’s, the summary, reasons, usage errors', () => {
    const en = cli(['check', '--locale', 'en', PLAN, 'missing.plan.txt'], { cwd: ws });
    const printed = (en.stdout + en.stderr).replace(/[“”"][^“”"]*[“”"]/g, '').replace(/plans\/规划 分工,方案|内蒙古\S*|满洲里\S*/g, '');
    expect(printed).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.stderr).toBe('fengong: cannot read file (ENOENT): missing.plan.txt\n');
    const zh = cli(['check', '--locale', 'zh-cn', '--outline', PLAN], { cwd: ws });
    expect(zh.stdout).not.toMatch(/\((?:[A-Z][a-z]+|\d+ files?)[^)]*\)/);
    expect(zh.stdout).toContain('任务: 78');
    expect(zh.stdout.trim().split('\n').at(-1)).toBe('1 个文件：2 个错误，2 个警告，2 个提示');
    expect(cli(['check', '--locale=en', '--bogus', PLAN], { cwd: ws }).stderr).toBe('fengong: unknown option --bogus; see fengong check --help\n');
  });
});
