#!/usr/bin/env node
// Runs the end-to-end suite (tests/e2e/suite) inside a real VS Code: code-server (VS Code
// 1.139.1 server + workbench, installed by setup.mjs into .cache/e2e/) on 127.0.0.1, opened by
// headless Chromium through playwright-core. The workbench's smoke-test driver loads the
// extension under development and the suite from the URL's payload, like @vscode/test-electron;
// the suite's console arrives through window.codeAutomationLog and its exit code through
// window.codeAutomationExit. See tests/e2e/README.md.
//
//   node scripts/e2e/run.mjs [--extension-path DIR] [--plan] [--timeout MS] [--keep] [--serve]
//
// Env (each flag has one):
//   FENGONG_E2E_EXTENSION_PATH  extension under test (default: the repo root)
//   FENGONG_E2E_PLAN=1          also run the language tests (tests/e2e/suite/plan.e2e.ts)
//   FENGONG_E2E_TIMEOUT_MS      limit for the run after setup (default 300000)
//   FENGONG_E2E_KEEP=1          keep the temp folder (workspace, logs, profiles)
//   FENGONG_E2E_SERVE=1         start code-server, print the URLs, wait for Ctrl-C (no browser)
//   FENGONG_E2E_VERBOSE=1       also print code-server's output and the browser console
//   FENGONG_E2E_SETTINGS=JSON   extra user settings, e.g. '{"fengong.validate":"onSave"}'
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureSetup, freePort, ROOT } from './setup.mjs';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    extensionPath: process.env.FENGONG_E2E_EXTENSION_PATH || ROOT,
    plan: process.env.FENGONG_E2E_PLAN === '1',
    timeoutMs: Number(process.env.FENGONG_E2E_TIMEOUT_MS) || 300_000,
    keep: process.env.FENGONG_E2E_KEEP === '1',
    serve: process.env.FENGONG_E2E_SERVE === '1',
    verbose: process.env.FENGONG_E2E_VERBOSE === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--extension-path' || a.startsWith('--extension-path=')) opts.extensionPath = value();
    else if (a === '--timeout' || a.startsWith('--timeout=')) opts.timeoutMs = Number(value());
    else if (a === '--plan') opts.plan = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--serve') opts.serve = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout must be a positive number of milliseconds');
  opts.extensionPath = resolve(opts.extensionPath);
  return opts;
}

function usage(error) {
  const text = readFileSync(new URL(import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('//'))
    .map((l) => l.slice(3))
    .join('\n');
  if (error) console.error(`run.mjs: ${error}\n`);
  console.log(text);
  process.exit(error ? 2 : 0);
}

const opts = parseArgs(process.argv.slice(2));
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

const CHROMIUM_ARGS = [
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
// The workbench's own start-up chatter, which shares the log channel with the suite's console:
// kept in logs/workbench.log, printed only with --verbose.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
];
const SUMMARY_RE = /^\s*(\d+) passed, (\d+) failed\s*$/;

// ---------------------------------------------------------------------------------------------
// State and cleanup (runs once, on every way out)

const state = {
  tmp: null,
  codeServer: null,
  codeServerLog: null,
  context: null,
  runId: randomUUID(),
  summary: null,
  cleaning: null,
};

function killGroup(child, signal) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

/** Processes (other than us) carrying this run's id in their environment: ours, whatever their group. */
function strayProcesses() {
  if (process.platform !== 'linux') return [];
  const needle = `FENGONG_E2E_RUN_ID=${state.runId}`;
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(needle)) found.push(Number(name));
    } catch {}
  }
  return found;
}

async function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    if (state.context) {
      const ctx = state.context;
      state.context = null;
      await Promise.race([ctx.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
    }
    const cs = state.codeServer;
    if (cs) {
      state.codeServer = null;
      if (cs.exitCode === null && cs.signalCode === null) {
        killGroup(cs, 'SIGTERM');
        const exited = await Promise.race([
          new Promise((r) => cs.once('exit', () => r(true))),
          new Promise((r) => setTimeout(() => r(false), 3_000)),
        ]);
        if (!exited) killGroup(cs, 'SIGKILL');
      }
      killGroup(cs, 'SIGKILL'); // children left in the group after the leader went
    }
    for (const pid of strayProcesses()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    if (state.codeServerLog) {
      await new Promise((r) => state.codeServerLog.end(r));
      state.codeServerLog = null;
    }
    if (state.tmp) {
      if (opts.keep) log(`kept ${state.tmp} (workspace/, logs/, user-data/, chromium-profile/)`);
      else rmSync(state.tmp, { recursive: true, force: true });
    }
  })();
  return state.cleaning;
}

let finishing = false;
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) log(reason);
  await cleanup();
  log(`done, exit code ${code}`);
  // The last line: the suite's own summary, or one that says the suite never reported.
  if (!opts.serve) {
    if (state.summary) console.log(state.summary);
    else {
      console.log('[e2e] the suite printed no summary (it did not run to the end): counting one failure');
      console.log('0 passed, 1 failed');
    }
  }
  process.exit(code);
}

for (const [sig, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(sig, () => finish(code, `${sig}: stopping`));
}
process.on('uncaughtException', (err) => finish(1, `error: ${err?.stack || err}`));
process.on('unhandledRejection', (err) => finish(1, `error: ${err?.stack || err}`));

// ---------------------------------------------------------------------------------------------
// Steps

function sh(cmd, args, cwd) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.signal ?? `exit ${r.status}`})`);
}

async function buildSuite() {
  const esbuild = await import('esbuild');
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
  });
  return join(outdir, 'suite', 'index.js');
}

function prepareTemp() {
  const tmp = mkdtempSync(join(tmpdir(), 'fengong-e2e-'));
  state.tmp = tmp;
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
  cpSync(join(ROOT, 'seeds', 'manzhouli-2014.txt'), join(dirs.workspace, 'manzhouli-2014.txt'));
  const fixtures = join(ROOT, 'tests', 'e2e', 'fixtures');
  if (existsSync(fixtures)) {
    cpSync(fixtures, dirs.workspace, { recursive: true, filter: (src) => !src.endsWith('.gitkeep') });
  }
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        ...extraSettings(),
      },
      null,
      2,
    ),
  );
  return dirs;
}

/** FENGONG_E2E_SETTINGS: a JSON object merged into the user settings (debugging aid). */
function extraSettings() {
  const raw = process.env.FENGONG_E2E_SETTINGS;
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {}
  throw new Error('FENGONG_E2E_SETTINGS must be a JSON object');
}

function codeServerEnv(dirs) {
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
    // Read by the suite (the extension host inherits code-server's environment).
    FENGONG_E2E_EXTENSION_PATH: opts.extensionPath,
    FENGONG_E2E_WORKSPACE: dirs.workspace,
    FENGONG_E2E_PLAN: opts.plan ? '1' : '0',
    FENGONG_E2E_RUN_ID: state.runId,
  };
}

async function startCodeServer(paths, dirs) {
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
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const env = codeServerEnv(dirs);
  env.PATH = `${paths.node24Bin}:${env.PATH}`;
  const logFile = join(dirs.logs, 'code-server.log');
  state.codeServerLog = createWriteStream(logFile);
  const child = spawn(paths.node24, args, { cwd: dirs.tmp, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  state.codeServer = child;
  const tail = [];
  const onData = (chunk) => {
    state.codeServerLog?.write(chunk);
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (opts.verbose) console.log(`[code-server] ${line}`);
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
  return port;
}

function workbenchUrl(port, dirs, testsIndex) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extensionPath)],
    ['extensionTestsPath', remote(testsIndex)],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The text of one codeAutomationLog call: the workbench passes the log arguments as an array. */
function formatLogArgs(args) {
  const parts = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
  // Drop console styling (%c + a CSS argument) that the extension-host console forwarding adds.
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const styles = (p.match(/%c/g) || []).length;
    out.push(p.replace(/%c/g, ''));
    i += styles;
  }
  return out.join(' ').replace(/^\s*\[Extension Host\]\s*/, '');
}

async function runInBrowser(url, dirs, paths) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.chromium, {
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
  state.context = context;
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = createWriteStream(join(dirs.logs, 'browser-console.log'));
  page.on('console', (m) => {
    browserLog.write(`[${m.type()}] ${m.text()}\n`);
    if (opts.verbose) console.log(`[browser ${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e?.stack || e}\n`));

  let resolveExit;
  let suiteExited = false;
  const exited = new Promise((r) => (resolveExit = r));
  const workbenchLog = createWriteStream(join(dirs.logs, 'workbench.log'));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    workbenchLog.write(`[${type}] ${JSON.stringify(args)}\n`);
    const text = formatLogArgs(args);
    for (const line of text.split('\n')) {
      const m = SUMMARY_RE.exec(line);
      if (m) state.summary = `${m[1]} passed, ${m[2]} failed`;
    }
    if (suiteExited || (!opts.verbose && WORKBENCH_NOISE.some((re) => re.test(text)))) return;
    if (type === 'error' || type === 'warn') console.error(text);
    else console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    suiteExited = true;
    try {
      for (const f of Array.isArray(logs) ? logs : []) {
        if (!f?.relativePath || typeof f.contents !== 'string') continue;
        const target = join(dirs.logs, 'vscode', f.relativePath.replace(/\.\.+/g, '_'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, f.contents);
      }
    } catch {}
    resolveExit(Number(code) || 0);
  });
  page.on('crash', () => finish(1, 'the workbench page crashed'));

  log('opening the workbench in headless Chromium');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const code = await exited;
  log(`the suite finished with exit code ${code}`);
  return { code, page };
}

/** On failure: the end of the extension's own output-channel logs (server side, user-data/logs). */
function printExtensionLogTail(dirs) {
  try {
    const pkg = JSON.parse(readFileSync(join(opts.extensionPath, 'package.json'), 'utf8'));
    const id = `${pkg.publisher}.${pkg.name}`.toLowerCase();
    const logsRoot = join(dirs.userData, 'logs');
    for (const session of existsSync(logsRoot) ? readdirSync(logsRoot) : []) {
      for (const host of readdirSync(join(logsRoot, session)).filter((h) => h.startsWith('exthost'))) {
        const dir = join(logsRoot, session, host, id);
        if (!existsSync(dir)) continue;
        for (const f of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
          const lines = readFileSync(join(dir, f), 'utf8').trimEnd().split('\n').filter(Boolean).slice(-20);
          if (lines.length === 0) continue;
          console.log(`[e2e] last lines of ${id}'s log ${f}:\n${lines.map((l) => `  | ${l}`).join('\n')}`);
        }
      }
    }
  } catch {}
}

async function screenshot(page, name) {
  try {
    const dir = join(ROOT, 'tests', 'e2e', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.png`);
    await page.screenshot({ path: file, timeout: 5_000 });
    log(`screenshot: ${file}`);
  } catch {}
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log(`extension under test: ${opts.extensionPath}${opts.plan ? ' (with plan tests)' : ''}`);
  if (!existsSync(join(opts.extensionPath, 'package.json'))) throw new Error(`no package.json in ${opts.extensionPath}`);
  const paths = await ensureSetup();

  if (opts.extensionPath === ROOT) {
    const main = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main ?? './dist/extension.js';
    if (!existsSync(join(ROOT, main))) sh('npm', ['run', 'build'], ROOT);
    if (!existsSync(join(ROOT, main))) log(`warning: ${main} still missing after the build: the extension cannot activate`);
  }
  const testsIndex = await buildSuite();
  log(`suite built: ${testsIndex}`);

  const dirs = prepareTemp();
  const port = await startCodeServer(paths, dirs);
  const url = workbenchUrl(port, dirs, testsIndex);

  if (opts.serve) {
    log('serving until Ctrl-C. Open (e.g. through `ssh -L ' + port + ':127.0.0.1:' + port + '`):');
    console.log(`  tests run in the page:  ${url}`);
    console.log(`  just the workspace:     http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
    console.log('  (without Playwright the suite logs to the browser devtools console and the window stays open)');
    state.codeServer.on('exit', (c) => finish(1, `code-server exited (${c})`));
    return;
  }

  const timer = setTimeout(async () => {
    const tail = state.codeServer?.codeServerTail?.slice(-15).join('\n') ?? '';
    const page = state.context?.pages()[0];
    if (page) await screenshot(page, 'timeout');
    finish(124, `timed out after ${opts.timeoutMs} ms (FENGONG_E2E_TIMEOUT_MS). code-server log tail:\n${tail}`);
  }, opts.timeoutMs);
  state.codeServer.on('exit', (c, s) => {
    if (!state.cleaning) finish(1, `code-server exited unexpectedly (${s ?? c})`);
  });

  const { code, page } = await runInBrowser(url, dirs, paths);
  clearTimeout(timer);
  const failedBySummary = state.summary ? Number(SUMMARY_RE.exec(state.summary)[2]) > 0 : true;
  let exitCode = code;
  if (exitCode === 0 && failedBySummary) {
    log(state.summary ? 'the suite exited 0 but reported failures' : 'the suite exited 0 without a summary line');
    exitCode = 1;
  }
  if (exitCode !== 0) {
    await screenshot(page, 'failed');
    printExtensionLogTail(dirs);
  }
  await finish(exitCode);
}

main().catch((err) => finish(1, `error: ${err?.stack || err}`));
