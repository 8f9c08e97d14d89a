#!/usr/bin/env node
// Runs the end-to-end suite (tests/e2e/suite) inside a real VS Code: code-server (VS Code
// 1.139.1 server + workbench, installed by setup.mjs into .cache/e2e/) on 127.0.0.1, opened by
// headless Chromium through playwright-core. The workbench's smoke-test driver loads the
// extension under development and the suite from the URL's payload, like @vscode/test-electron;
// the suite's console arrives through window.codeAutomationLog and its exit code through
// window.codeAutomationExit. With --ui it then runs the workbench UI test (ui.mjs: the packaged
// .vsix, driven through the UI with Playwright) and ends with one summary line for both.
// See tests/e2e/README.md.
//
//   node scripts/e2e/run.mjs [--extension-path DIR] [--plan] [--ui] [--timeout MS] [--keep] [--serve]
//
// Env (each flag has one):
//   FENGONG_E2E_EXTENSION_PATH  extension under test (default: the repo root)
//   FENGONG_E2E_PLAN=1          also run the language tests (plan.e2e.ts, edit.e2e.ts)
//   FENGONG_E2E_UI=1            then run the UI test, scripts/e2e/ui.mjs (its own limit:
//                               FENGONG_E2E_UI_TIMEOUT_MS)
//   FENGONG_E2E_TIMEOUT_MS      limit for the API suite after setup (default 300000)
//   FENGONG_E2E_KEEP=1          keep the temp folder (workspace, logs, profiles)
//   FENGONG_E2E_SERVE=1         start code-server, print the URLs, wait for Ctrl-C (no browser)
//   FENGONG_E2E_VERBOSE=1       also print code-server's output and the browser console
//   FENGONG_E2E_SETTINGS=JSON   extra user settings, e.g. '{"fengong.validate":"onSave"}'
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  buildSuite,
  closeContext,
  codeServerEnv,
  extensionId,
  extensionLogTail,
  fillWorkspace,
  killStrays,
  launchChromium,
  makeRunDirs,
  ROOT,
  SCREENSHOTS,
  startCodeServer,
  stopGroup,
  SUMMARY_RE,
  readArgs,
  usageExit,
  writeUserSettings,
} from './common.mjs';
import { ensureSetup } from './setup.mjs';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    extensionPath: process.env.FENGONG_E2E_EXTENSION_PATH || ROOT,
    plan: process.env.FENGONG_E2E_PLAN === '1',
    ui: process.env.FENGONG_E2E_UI === '1',
    timeoutMs: Number(process.env.FENGONG_E2E_TIMEOUT_MS) || 300_000,
    keep: process.env.FENGONG_E2E_KEEP === '1',
    serve: process.env.FENGONG_E2E_SERVE === '1',
    verbose: process.env.FENGONG_E2E_VERBOSE === '1',
  };
  const a = readArgs(argv, { 'extension-path': 'value', timeout: 'value', plan: 'flag', ui: 'flag', keep: 'flag', serve: 'flag', verbose: 'flag' }, usage);
  if (a['extension-path'] !== undefined) opts.extensionPath = a['extension-path'];
  if (a.timeout !== undefined) opts.timeoutMs = Number(a.timeout);
  for (const flag of ['plan', 'ui', 'keep', 'serve', 'verbose']) if (a[flag]) opts[flag] = true;
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout must be a positive number of milliseconds');
  opts.extensionPath = resolve(opts.extensionPath);
  return opts;
}

function usage(error) {
  usageExit(import.meta.url, 'run.mjs', error);
}

const opts = parseArgs(process.argv.slice(2));
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

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

// ---------------------------------------------------------------------------------------------
// State and cleanup (runs once, on every way out)

const state = {
  tmp: null,
  codeServer: null,
  codeServerLog: null,
  context: null,
  runId: randomUUID(),
  summary: null,
  /** The UI test (ui.mjs) child, while it runs, and its summary line. */
  ui: null,
  uiStarted: false,
  uiSummary: null,
  cleaning: null,
};

async function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    if (state.ui) {
      // ui.mjs stops what it started on SIGTERM (and on the SIGINT a Ctrl-C gives it as well):
      // let it, before anything of this run is killed by its run id (ui.mjs carries it too).
      const ui = state.ui;
      if (ui.exitCode === null && ui.signalCode === null) {
        ui.kill('SIGTERM');
        const exited = await Promise.race([
          new Promise((r) => ui.once('exit', () => r(true))),
          new Promise((r) => setTimeout(() => r(false), 20_000)),
        ]);
        if (!exited) ui.kill('SIGKILL');
      }
      state.ui = null;
    }
    await stopApiRun();
  })();
  return state.cleaning;
}

/**
 * Stops the API run's browser and code-server, kills whatever else carries the run id, and
 * removes the API run's temp folder (unless --keep). Not while ui.mjs runs (it carries the id).
 */
async function stopApiRun() {
  if (state.context) {
    const ctx = state.context;
    state.context = null;
    await closeContext(ctx);
  }
  if (state.codeServer) {
    const cs = state.codeServer;
    state.codeServer = null;
    await stopGroup(cs);
  }
  killStrays(state.runId);
  if (state.codeServerLog) {
    const stream = state.codeServerLog;
    state.codeServerLog = null;
    await new Promise((r) => stream.end(r));
  }
  if (state.tmp) {
    const tmp = state.tmp;
    state.tmp = null;
    if (opts.keep) log(`kept ${tmp} (workspace/, logs/, user-data/, chromium-profile/)`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

let finishing = false;
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) log(reason);
  await cleanup();
  log(`done, exit code ${code}`);
  // The last line: the suite's own summary (plus the UI test's with --ui), or one that says
  // a part never reported.
  if (!opts.serve) {
    let api = state.summary;
    if (!api) {
      console.log('[e2e] the suite printed no summary (it did not run to the end): counting one failure');
      api = '0 passed, 1 failed';
    }
    if (!opts.ui) console.log(api);
    else {
      let ui = state.uiSummary;
      if (!ui) {
        console.log(`[e2e] the UI test ${state.uiStarted ? 'printed no summary (it did not run to the end)' : 'did not run'}: counting one failure`);
        ui = '0 passed, 1 failed';
      }
      const [, ap, af] = SUMMARY_RE.exec(api);
      const [, up, uf] = SUMMARY_RE.exec(ui);
      console.log(`[e2e] API suite: ${api}; UI test: ${ui}`);
      console.log(`${Number(ap) + Number(up)} passed, ${Number(af) + Number(uf)} failed`);
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

function prepareTemp() {
  const dirs = makeRunDirs();
  state.tmp = dirs.tmp;
  fillWorkspace(dirs.workspace);
  writeUserSettings(dirs.userData);
  return dirs;
}

async function startServer(paths, dirs) {
  const env = codeServerEnv(dirs, {
    // Read by the suite (the extension host inherits code-server's environment).
    FENGONG_E2E_EXTENSION_PATH: opts.extensionPath,
    FENGONG_E2E_WORKSPACE: dirs.workspace,
    FENGONG_E2E_PLAN: opts.plan ? '1' : '0',
    FENGONG_E2E_RUN_ID: state.runId,
  });
  const { port } = await startCodeServer({
    paths,
    dirs,
    env,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    verbose: opts.verbose,
    log,
    onSpawn: (child, logStream) => {
      state.codeServer = child;
      state.codeServerLog = logStream;
    },
  });
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
  const context = await launchChromium(paths, dirs);
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
    const tail = extensionLogTail(dirs.userData, extensionId(opts.extensionPath).id);
    if (tail) console.log(tail);
  } catch {}
}

async function screenshot(page, name) {
  try {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.png`);
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
  const port = await startServer(paths, dirs);
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
  const apiServer = state.codeServer;
  apiServer.on('exit', (c, s) => {
    if (!state.cleaning && state.codeServer === apiServer) finish(1, `code-server exited unexpectedly (${s ?? c})`);
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
  if (opts.ui) {
    await stopApiRun(); // one code-server and one browser at a time
    const uiCode = await runUi();
    if (exitCode === 0 && uiCode !== 0) exitCode = uiCode;
  }
  await finish(exitCode);
}

/** Runs ui.mjs as a child (same run id, so cleanup finds its processes); resolves with its exit code. */
function runUi() {
  const args = [join(ROOT, 'scripts', 'e2e', 'ui.mjs')];
  if (opts.keep) args.push('--keep');
  if (opts.verbose) args.push('--verbose');
  log(`$ node ${args.map((a) => a.replace(ROOT + '/', '')).join(' ')}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, FENGONG_E2E_RUN_ID: state.runId },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  state.ui = child;
  state.uiStarted = true;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = SUMMARY_RE.exec(line);
    if (m) state.uiSummary = `${m[1]} passed, ${m[2]} failed`;
    console.log(line);
  });
  return new Promise((resolveCode) => {
    child.on('error', (err) => {
      log(`could not start ui.mjs: ${err.message}`);
      resolveCode(1);
    });
    const closed = new Promise((r) => child.once('close', r));
    child.on('exit', async (code, signal) => {
      if (state.ui === child) state.ui = null;
      // Let the last lines of its stdout through before the summary is printed.
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
      resolveCode(code ?? (signal ? 1 : 0));
    });
  });
}

main().catch((err) => finish(1, `error: ${err?.stack || err}`));
