// What `fengong check` reads, given files, folders, quoted globs and standard input: the plans by
// the editor's test, without what .gitignore, node_modules and --ignore leave out.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers';
import { build, cli, json, workspace } from './cli';

const NOT_A_PLAN = '会议纪要\n各单位参加。\n';

let ws: string;
beforeAll(() => {
  build();
  ws = workspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.draft.txt\n!keep.draft.txt\n',
    'plans/a.plan.txt': SAMPLE,
    'plans/sub/b.txt': SAMPLE, // a plan by its first line
    'plans/sub/notes.txt': NOT_A_PLAN, // plain text that names no plan
    'plans/sub/c.md': SAMPLE,
    'plans/old.draft.txt': SAMPLE, // .gitignore: *.draft.txt
    'plans/keep.draft.txt': SAMPLE, // .gitignore: !keep.draft.txt
    'plans/data.json': '{}',
    'build/out.plan.txt': SAMPLE, // .gitignore: build/
    'node_modules/pkg/x.plan.txt': SAMPLE,
    'plans/nested/.gitignore': 'secret.plan.txt\n',
    'plans/nested/secret.plan.txt': SAMPLE,
    'plans/nested/open.fengong': SAMPLE,
    'empty/readme.txt': NOT_A_PLAN,
  });
});

const checked = (args: string[]) => {
  const r = cli(['check', '--format', 'json', ...args], { cwd: ws });
  return { r, paths: r.stdout ? json(r).files.map((f) => f.path) : [] };
};

describe('paths', () => {
  it('a folder: its plans, found by ending or first line, without .gitignore (nested ones too) and node_modules', () => {
    const { r, paths } = checked(['.']);
    expect(r.status).toBe(0);
    expect(paths).toEqual(['plans/a.plan.txt', 'plans/keep.draft.txt', 'plans/nested/open.fengong', 'plans/sub/b.txt', 'plans/sub/c.md']);
    // The same below a folder named by its path.
    expect(checked(['plans/sub']).paths).toEqual(['plans/sub/b.txt', 'plans/sub/c.md']);
  });

  it('files as named, whatever their name or where they are; each once', () => {
    const { r, paths } = checked(['plans/sub/notes.txt', 'node_modules/pkg/x.plan.txt', 'plans/a.plan.txt', 'plans']);
    expect(r.status).toBe(0);
    expect(paths).toEqual(['plans/sub/notes.txt', 'node_modules/pkg/x.plan.txt', 'plans/a.plan.txt', 'plans/keep.draft.txt', 'plans/nested/open.fengong', 'plans/sub/b.txt', 'plans/sub/c.md']);
  });

  it('quoted globs, expanded by the checker: every match that is not ignored', () => {
    expect(checked(['plans/**/*.txt']).paths).toEqual(['plans/a.plan.txt', 'plans/keep.draft.txt', 'plans/sub/b.txt', 'plans/sub/notes.txt']);
    expect(checked(['**/*.plan.txt']).paths).toEqual(['plans/a.plan.txt']);
    expect(checked(['plans/*.{txt,md}']).paths).toEqual(['plans/a.plan.txt', 'plans/keep.draft.txt']);
  });

  it('--ignore adds gitignore patterns, relative to the working folder', () => {
    expect(checked(['.', '--ignore', 'sub/', '--ignore', '*.fengong']).paths).toEqual(['plans/a.plan.txt', 'plans/keep.draft.txt']);
    expect(checked(['plans/**/*.txt', '--ignore', 'plans/keep.*']).paths).toEqual(['plans/a.plan.txt', 'plans/sub/b.txt', 'plans/sub/notes.txt']);
  });

  it('- reads standard input, named by --stdin-filename (in the output, and for the project file)', () => {
    const input = SAMPLE.replace('(自治区商务厅牵头,满洲里海关', '(自治区商务厅牵头,满洲里海关X');
    let r = cli(['check', '-'], { cwd: ws, input });
    expect(r.stdout).toMatch(/^<stdin>:8:\d+: warning: .*满洲里海关X.*\[agency\.unknown\]$/m);
    const withProject = workspace({ 'sub/fengong.json': '{ "rules": { "agency.unknown": "error" } }' });
    r = cli(['check', '--stdin-filename', 'sub/drafts/new.plan.txt', '-'], { cwd: withProject, input });
    expect(r.stdout).toMatch(/^sub\/drafts\/new\.plan\.txt:8:\d+: error: .*\[agency\.unknown\]$/m);
    expect(r.status).toBe(1);
    // Bytes as files come: GB18030 on standard input too.
    r = cli(['check', '--format', 'json', '-'], { cwd: ws, input: Buffer.from('d2bba1a2c8cecef10abcd3bfecbda8c9e8a1a328d7d4d6cec7f8c9cccef1ccfcc7a3cdb729', 'hex') });
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ path: '<stdin>', tasks: [{ lead: ['自治区商务厅'] }] });
  });

  it('exits 2 with one line naming the path that gave nothing, still checking the others', () => {
    for (const [arg, line] of [
      ['no/such.plan.txt', 'fengong: 无法读取文件 (cannot read file, ENOENT): no/such.plan.txt'],
      ['empty', 'fengong: 目录中没有分工方案 (no plans in this folder): empty'],
      ['plans/**/*.docx', 'fengong: 没有文件与之匹配 (no file matches): plans/**/*.docx'],
    ]) {
      const r = cli(['check', arg, 'plans/a.plan.txt'], { cwd: ws });
      expect(r.status, arg).toBe(2);
      expect(r.stderr, arg).toBe(line + '\n');
      expect(r.stdout, arg).toContain('1 个文件');
    }
    const r = cli(['check', '--stdin-filename', 'x.plan.txt', 'plans'], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
