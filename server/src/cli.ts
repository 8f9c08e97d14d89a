// The command-line tool: thin adapters over the engine, so it always agrees with the editor.
// Each subcommand lives in cli/<name>.ts with its options declared once (cli/args.ts) and
// returns its exit code: 0 all well, 1 an error was found, 2 bad usage or an unreadable file
// (one line saying which). `fengong --help`, `fengong CMD --help` and `--version` exit 0.
import { projectJsonSchema } from './engine';
import { helpHint, helpText, parseCommand, synopsis, UsageError, type CommandSpec, type Parsed } from './cli/args';
import { check, CHECK } from './cli/check';
import { table, TABLE } from './cli/table';
import { matrix, MATRIX } from './cli/matrix';
import { fix, FIX } from './cli/fix';
import { importCommand, IMPORT } from './cli/import';
import { exportCommand, EXPORT } from './cli/exportDocx';
import { coverage, COVERAGE } from './cli/coverage';
import type { Io } from './cli/io';
import { localeOf, sayer, type Say } from './cli/say';
import { VERSION } from './cli/version';

type Run = (parsed: Parsed, io: Io) => number | Promise<number>;

const SCHEMA: CommandSpec = {
  name: 'schema',
  operands: '',
  brief: { zh: '输出项目文件的 JSON Schema', en: "print the project file's JSON Schema" },
  zh: '输出项目文件 fengong.json 的 JSON Schema（构建时写入 dist/，供编辑器使用）。',
  en: 'Print the JSON Schema of the project file fengong.json (the build writes it into dist/ for editors).',
  options: {},
};

const COMMANDS: Record<string, { spec: CommandSpec; run: Run }> = {
  check: { spec: CHECK, run: check },
  table: { spec: TABLE, run: table },
  matrix: { spec: MATRIX, run: matrix },
  fix: { spec: FIX, run: fix },
  import: { spec: IMPORT, run: importCommand },
  export: { spec: EXPORT, run: exportCommand },
  coverage: { spec: COVERAGE, run: coverage },
  schema: {
    spec: SCHEMA,
    run: (_parsed, io) => {
      io.write(JSON.stringify(projectJsonSchema(), null, 2) + '\n');
      return 0;
    },
  },
};

function usage(say: Say): string {
  return [
    `${say('用法', 'usage')}: fengong ${say('命令', 'COMMAND')} [${say('选项', 'options')}] …`,
    '',
    ...Object.values(COMMANDS).map((c) => `  ${synopsis(c.spec).padEnd(28)}  ${say(c.spec.brief.zh, c.spec.brief.en)}`),
    '',
    say('fengong 命令 --help 显示该命令的选项；--version 显示版本号。', 'fengong COMMAND --help shows its options; --version the version.'),
  ].join('\n');
}

async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const { say } = io;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    io.write((topic ? helpText(topic.spec, say) : usage(say)) + '\n');
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.write(VERSION + '\n');
    return 0;
  }
  if (!name) throw new UsageError(say('缺少命令', 'no command given'));
  const command = COMMANDS[name];
  if (!command) throw new UsageError(say(`未知命令 ${name}`, `unknown command ${name}`));
  try {
    const parsed = parseCommand(rest, command.spec, say);
    if (parsed.asked) {
      io.write((parsed.asked === 'help' ? helpText(command.spec, say) : VERSION) + '\n');
      return 0;
    }
    return await command.run(parsed, io);
  } catch (e) {
    // The hint names the command's own help.
    if (e instanceof UsageError) e.command ??= name;
    throw e;
  }
}

// `fengong check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const argv = process.argv.slice(2);
const say = sayer(localeOf(argv));
const io: Io = {
  write: (s) => process.stdout.write(s),
  warn: (s) => process.stderr.write(s + '\n'),
  say,
  cwd: process.cwd(),
  root: process.env.GITHUB_WORKSPACE || process.cwd(),
  tty: !!process.stdout.isTTY,
};

run(argv, io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) process.stderr.write(`fengong: ${e.message}; ${helpHint(say, e.command)}\n`);
    else process.stderr.write(`fengong: ${say('内部错误', 'internal error')}: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
