// The command-line tool: thin adapters over the engine, so it always agrees with the editor.
// Each subcommand lives in cli/<name>.ts and returns its exit code:
// 0 all well, 1 an error was found, 2 bad usage or an unreadable file.
import { projectJsonSchema } from './engine';
import { UsageError } from './cli/args';
import { check, CHECK_USAGE } from './cli/check';
import { table, TABLE_USAGE } from './cli/table';
import { matrix, MATRIX_USAGE } from './cli/matrix';
import { fix, FIX_USAGE } from './cli/fix';
import { importCommand, IMPORT_USAGE } from './cli/import';
import { exportCommand, EXPORT_USAGE } from './cli/exportDocx';

type Command = (argv: string[], write: (s: string | Uint8Array) => void, warn: (s: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, { usage: string; run: Command }> = {
  check: { usage: CHECK_USAGE, run: check },
  table: { usage: TABLE_USAGE, run: table },
  matrix: { usage: MATRIX_USAGE, run: matrix },
  fix: { usage: FIX_USAGE, run: fix },
  import: { usage: IMPORT_USAGE, run: importCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  // JSON Schema of fengong.registry.json, written into dist/ by the build for editors.
  schema: {
    usage: 'fengong schema',
    run: (_argv, write) => {
      write(JSON.stringify(projectJsonSchema(), null, 2) + '\n');
      return 0;
    },
  },
};

function usage(): string {
  return ['用法 (usage):', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  if (!name) throw new UsageError('缺少命令 (no command given)');
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`未知命令 (unknown command): ${name}`);
  return command.run(
    rest,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s + '\n'),
  );
}

// `fengong check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) process.stderr.write(`fengong: ${e.message}\n${usage()}\n`);
    else process.stderr.write(`fengong: 内部错误 (internal error): ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
