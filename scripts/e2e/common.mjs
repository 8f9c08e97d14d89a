// What the end-to-end runners share (run.mjs: the API suite; ui.mjs: the workbench UI test;
// electron.mjs: @vscode/test-electron): temp folders, the workspace, user settings, code-server
// on loopback in its own process group, headless Chromium, and stopping all of it.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './setup.mjs';

export { ROOT };
export const SAMPLE_FILE = 'manzhouli-2014.txt';
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
/** The summary line every runner prints last (and scripts/test.mjs reads). */
export const SUMMARY_RE = /^\s*(\d+) passed, (\d+) failed\s*$/;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Only loopback: any other host name fails to resolve right away (no external traffic,
  // no waiting on DNS for open-vsx.org or telemetry hosts).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export function killGroup(child, signal) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs` and for whatever is left in it. */
export async function stopGroup(child, graceMs = 3_000) {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, 'SIGTERM');
    const exited = await Promise.race([
      new Promise((r) => child.once('exit', () => r(true))),
      new Promise((r) => setTimeout(() => r(false), graceMs)),
    ]);
    if (!exited) killGroup(child, 'SIGKILL');
  }
  killGroup(child, 'SIGKILL'); // children left in the group after the leader went
}

/** Processes (other than us) carrying `runId` in their environment: ours, whatever their group. */
export function strayProcesses(runId) {
  if (process.platform !== 'linux') return [];
  const needle = `FENGONG_E2E_RUN_ID=${runId}`;
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(needle)) found.push(Number(name));
    } catch {}
  }
  return found;
}

export function killStrays(runId) {
  for (const pid of strayProcesses(runId)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}

/** Bundles tests/e2e/suite/index.ts to dist/e2e/suite/index.js (CommonJS, `vscode` external). */
export async function buildSuite() {
  const esbuild = await import('esbuild');
  const { rawPlugin } = await import('../esbuild-raw.mjs');
  const outdir = join(ROOT, 'dist', 'e2e');
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  await esbuild.build({
    entryPoints: { 'suite/index': join(ROOT, 'tests', 'e2e', 'suite', 'index.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    plugins: [rawPlugin],
  });
  return join(outdir, 'suite', 'index.js');
}

/** A fresh temp folder with the layout every runner uses. */
export function makeRunDirs(prefix = 'fengong-e2e-') {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    tmp,
    workspace: join(tmp, 'workspace'),
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    xdg: join(tmp, 'xdg'),
    chromium: join(tmp, 'chromium-profile'),
    logs: join(tmp, 'logs'),
    scratch: join(tmp, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.xdg, 'runtime'), { recursive: true, mode: 0o700 });
  return dirs;
}

/** The sample (writable: the seed is read-only in git) and tests/e2e/fixtures/. */
export function fillWorkspace(workspace) {
  writeFileSync(join(workspace, SAMPLE_FILE), readFileSync(join(ROOT, 'seeds', SAMPLE_FILE)));
  const fixtures = join(ROOT, 'tests', 'e2e', 'fixtures');
  if (existsSync(fixtures)) {
    cpSync(fixtures, workspace, { recursive: true, filter: (src) => !src.endsWith('.gitkeep') });
  }
}

/** FENGONG_E2E_SETTINGS: a JSON object merged into the user settings (debugging aid). */
export function extraSettings() {
  const raw = process.env.FENGONG_E2E_SETTINGS;
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {}
  throw new Error('FENGONG_E2E_SETTINGS must be a JSON object');
}

export function writeUserSettings(userData, settings = {}) {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        // The web workbench defaults to afterDelay (the desktop to off): tests that edit without
        // saving need it off, and nothing should write the workspace behind a test's back.
        'files.autoSave': 'off',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        ...settings,
        ...extraSettings(),
      },
      null,
      2,
    ),
  );
}

/** code-server's environment: ours without what would change its behaviour, temp XDG folders. */
export function codeServerEnv(dirs, extra = {}) {
  const env = { ...process.env };
  // Inherited variables that would change what code-server does (e.g. when run from a
  // VS Code/code-server terminal it would hand the folder to that instance instead).
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_|CS_DISABLE_)/.test(k)) delete env[k];
  }
  for (const k of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'NODE_OPTIONS', 'BROWSER']) delete env[k];
  return {
    ...env,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: join(dirs.xdg, 'state'),
    // VS Code's IPC sockets and other temp files: inside the run's folder, removed with it.
    XDG_RUNTIME_DIR: join(dirs.xdg, 'runtime'),
    TMPDIR: dirs.scratch,
    // No extension gallery: otherwise the workbench asks open-vsx.org (unreachable offline).
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/**
 * Starts code-server on 127.0.0.1 in its own process group and waits for /healthz.
 * `onSpawn(child, logStream)` runs right after the spawn, so the caller can stop it on any
 * way out. The child gets `codeServerTail` (its last 40 lines).
 */
export async function startCodeServer({ paths, dirs, env, extraArgs = [], verbose = false, log = () => {}, onSpawn = () => {} }) {
  const port = await freePort();
  const config = join(dirs.tmp, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    paths.codeServerEntry,
    '--config', config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  const childEnv = { ...env, PATH: `${paths.node24Bin}:${env.PATH ?? ''}` };
  const logFile = join(dirs.logs, 'code-server.log');
  const logStream = createWriteStream(logFile);
  const child = spawn(paths.node24, args, { cwd: dirs.tmp, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn(child, logStream);
  const tail = [];
  const onData = (chunk) => {
    if (!logStream.writableEnded) logStream.write(chunk);
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (verbose) console.log(`[code-server] ${line}`);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.codeServerTail = tail;
  log(`code-server pid ${child.pid} on 127.0.0.1:${port} (log: ${logFile})`);

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.signalCode ?? child.exitCode}):\n${tail.join('\n')}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 30 s:\n${tail.join('\n')}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  log('code-server is up (/healthz)');
  return { child, port, logStream };
}

/** Headless Chromium with a fresh profile in the run's folder. Signals are ours to handle. */
export async function launchChromium(paths, dirs) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(dirs.chromium, {
    executablePath: paths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    // Chromium keeps its crash database under XDG_CONFIG_HOME whatever the profile: temp too.
    env: { ...process.env, XDG_CONFIG_HOME: join(dirs.xdg, 'config'), XDG_CACHE_HOME: join(dirs.xdg, 'cache') },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Closes a browser context, giving up after 5 s. */
export async function closeContext(context) {
  if (!context) return;
  await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
}

/** The extension's publisher.name id, lower case, from its package.json. */
export function extensionId(extensionPath) {
  const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  return { id: `${pkg.publisher}.${pkg.name}`.toLowerCase(), version: pkg.version };
}

/** The end of the extension's own output-channel logs (server side, user-data/logs). */
export function extensionLogTail(userData, id, lines = 20) {
  const out = [];
  try {
    const logsRoot = join(userData, 'logs');
    for (const session of existsSync(logsRoot) ? readdirSync(logsRoot) : []) {
      for (const host of readdirSync(join(logsRoot, session)).filter((h) => h.startsWith('exthost'))) {
        const dir = join(logsRoot, session, host, id);
        if (!existsSync(dir)) continue;
        for (const f of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
          const tail = readFileSync(join(dir, f), 'utf8').trimEnd().split('\n').filter(Boolean).slice(-lines);
          if (tail.length) out.push(`[e2e] last lines of ${id}'s log ${f}:\n${tail.map((l) => `  | ${l}`).join('\n')}`);
        }
      }
    }
  } catch {}
  return out.join('\n');
}

/** Prints a script's leading `//` comment block as its help, an error first if any, and exits. */
export function usageExit(scriptUrl, name, error) {
  const text = readFileSync(new URL(scriptUrl), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('//'))
    .map((l) => l.slice(3))
    .join('\n');
  if (error) console.error(`${name}: ${error}\n`);
  console.log(text);
  process.exit(error ? 2 : 0);
}

/**
 * A script's command line by a table of its options: `'value'` takes `--name value` or
 * `--name=value`, `'flag'` is bare. Unknown arguments and missing values go to `usage`.
 */
export function readArgs(argv, spec, usage) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') usage();
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? a.slice(2, eq < 0 ? undefined : eq) : '';
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind || (kind === 'flag' && eq >= 0)) usage(`unknown argument ${a}`);
    if (kind === 'flag') {
      out[name] = true;
      continue;
    }
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) usage(`${a} needs a value`);
    out[name] = v;
  }
  return out;
}
