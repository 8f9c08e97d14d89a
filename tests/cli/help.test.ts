// --help and --version for the tool and every command (exit 0); a wrong command line is one
// line on stderr naming the option, and exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { build, cli } from './cli';

const COMMANDS = ['check', 'table', 'matrix', 'fix', 'import', 'export', 'coverage', 'schema'];
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

beforeAll(build);

describe('help and version', () => {
  it('fengong --help, -h and help list every command; --version prints the package version', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = cli(args);
      expect(r.status, args[0]).toBe(0);
      for (const c of COMMANDS) expect(r.stdout, `${args[0]} ${c}`).toMatch(new RegExp(`^  fengong ${c}\\b`, 'm'));
    }
    for (const args of [['--version'], ['-v']]) expect(cli(args)).toMatchObject({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.each(COMMANDS)('fengong %s --help shows its synopsis and every option; --version too', (c) => {
    const r = cli([c, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^用法 \\(usage\\): fengong ${c} `));
    expect(r.stdout).toContain('--version');
    expect(cli(['help', c]).stdout).toBe(r.stdout);
    expect(cli([c, '-h', '--locale', 'en']).stdout).toMatch(/^usage: /);
    expect(cli([c, '--version'])).toMatchObject({ status: 0, stdout: `${VERSION}\n` });
  });

  it('check --help names every option and format', () => {
    const help = cli(['check', '--help', '--locale', 'en']).stdout;
    for (const o of ['--format text|json|sarif|github', '-q, --quiet', '--max-warnings N', '--locale zh-cn|en|both', '--project FILE', '--ignore PATTERN', '--stdin-filename NAME', '--outline']) expect(help).toContain(o);
  });

  it('a wrong command line: exit 2, one line saying which option or command', () => {
    const cases: [string[], string][] = [
      [[], 'fengong: 缺少命令 (no command given); 用法见 fengong --help (see fengong --help)'],
      [['lint'], 'fengong: 未知命令 lint (unknown command lint); 用法见 fengong --help (see fengong --help)'],
      [['check', '--bogus', 'x'], 'fengong: 未知选项 --bogus (unknown option --bogus); 用法见 fengong check --help (see fengong check --help)'],
      [['check', '-z', 'x'], 'fengong: 未知选项 -z (unknown option -z); 用法见 fengong check --help (see fengong check --help)'],
      [['check', 'x', '--format'], 'fengong: --format 缺少取值 (--format needs a value); 用法见 fengong check --help (see fengong check --help)'],
      [['check', '--quiet=yes', 'x'], 'fengong: --quiet 不带取值 (--quiet takes no value); 用法见 fengong check --help (see fengong check --help)'],
      [['check'], 'fengong: 没有要检查的路径 (no paths to check); 用法见 fengong check --help (see fengong check --help)'],
      [['table', '-o'], 'fengong: --output 缺少取值 (--output needs a value); 用法见 fengong table --help (see fengong table --help)'],
      [['check', '--locale', 'fr', 'x'], 'fengong: --locale 只能是 zh-cn、en、both，不能是 fr (--locale must be one of zh-cn, en, both, not fr); 用法见 fengong check --help (see fengong check --help)'],
    ];
    for (const [args, line] of cases) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(line + '\n');
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('-- ends the options: a path that begins with a dash', () => {
    const r = cli(['check', '--format', 'json', '--', '-odd.plan.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('fengong: 无法读取文件 (cannot read file, ENOENT): -odd.plan.txt\n');
  });
});
