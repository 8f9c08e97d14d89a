#!/usr/bin/env node
// The UI test: the PACKAGED extension (dist/fengong.vsix, from `npm run package`) installed into
// code-server with --install-extension, with VS Code's display language Chinese (zh-cn, see
// ui/languagePack.mjs), then the workbench driven like a user would, with Playwright keystrokes
// and the mouse in headless Chromium, reading what it shows from the DOM. The steps are in
// ui/steps/ (reading: outline, views, matrix, palette, hover; typing: completion; changing:
// quick fixes, repair, rename). A screenshot of each step goes to tests/e2e/screenshots/
// (git-ignored). The last line is `N passed, N failed`. See tests/e2e/README.md.
//
//   node scripts/e2e/ui.mjs [--vsix FILE] [--timeout MS] [--keep] [--verbose] [--only WORD]
//
// Env (each flag has one):
//   FENGONG_E2E_VSIX=FILE          install this .vsix instead of running `npm run package`
//   FENGONG_E2E_UI_TIMEOUT_MS      limit for the whole run after setup (default 420000)
//   FENGONG_E2E_KEEP=1             keep the temp folder (workspace, logs, profiles)
//   FENGONG_E2E_VERBOSE=1          also print code-server's output and the browser console
//   FENGONG_E2E_SETTINGS=JSON      extra user settings
//   FENGONG_E2E_UI_ONLY=WORD       run only the steps whose name contains WORD (and what they need)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  closeContext,
  codeServerEnv,
  extensionId,
  extensionLogTail,
  fillWorkspace,
  killStrays,
  launchChromium,
  makeRunDirs,
  ROOT,
  SAMPLE_FILE,
  SCREENSHOTS,
  startCodeServer,
  stopGroup,
  readArgs,
  usageExit,
  writeUserSettings,
} from './common.mjs';
import { CACHE, ensureSetup } from './setup.mjs';
import { activeEditor, define, fail, languageShown, log, openFile, shot, state, step, until } from './ui/driver.mjs';
import { LANGUAGE_PACK, languagePackVsix, writeLanguagePacks } from './ui/languagePack.mjs';
import { registerChangingSteps, REPAIR_FILE } from './ui/steps/changing.mjs';
import { registerReadingSteps } from './ui/steps/reading.mjs';
import { registerTypingSteps } from './ui/steps/typing.mjs';
import { BROKEN_FILE, CHAPTER, UNKNOWN_AGENCY, UNOPENED_FILE } from './ui/steps/sample.mjs';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    vsix: process.env.FENGONG_E2E_VSIX || '',
    timeoutMs: Number(process.env.FENGONG_E2E_UI_TIMEOUT_MS) || 420_000,
    only: process.env.FENGONG_E2E_UI_ONLY || '',
    keep: process.env.FENGONG_E2E_KEEP === '1',
    verbose: process.env.FENGONG_E2E_VERBOSE === '1',
  };
  const a = readArgs(argv, { vsix: 'value', timeout: 'value', keep: 'flag', verbose: 'flag', only: 'value' }, usage);
  if (a.vsix !== undefined) opts.vsix = a.vsix;
  if (a.only !== undefined) opts.only = a.only;
  if (a.timeout !== undefined) opts.timeoutMs = Number(a.timeout);
  for (const flag of ['keep', 'verbose']) if (a[flag]) opts[flag] = true;
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout must be a positive number of milliseconds');
  if (opts.vsix) opts.vsix = resolve(opts.vsix);
  return opts;
}

function usage(error) {
  usageExit(import.meta.url, 'ui.mjs', error);
}

const opts = parseArgs(process.argv.slice(2));
// ---------------------------------------------------------------------------------------------
// Cleanup (runs once, on every way out)

// Under run.mjs --ui the run id is the parent's: its cleanup finds our processes too.
state.runId = process.env.FENGONG_E2E_RUN_ID || randomUUID();

async function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    const ctx = state.context;
    state.context = null;
    await closeContext(ctx);
    const cs = state.codeServer;
    state.codeServer = null;
    await stopGroup(cs);
    killStrays(state.runId);
    if (state.codeServerLog) {
      const stream = state.codeServerLog;
      state.codeServerLog = null;
      await new Promise((r) => stream.end(r));
    }
    if (state.dirs) {
      if (opts.keep) log(`kept ${state.dirs.tmp} (workspace/, logs/, user-data/, extensions/, chromium-profile/)`);
      else rmSync(state.dirs.tmp, { recursive: true, force: true });
    }
  })();
  return state.cleaning;
}

async function finish(code, reason) {
  if (state.finishing) return;
  state.finishing = true;
  if (reason) log(reason);
  await cleanup();
  const passed = state.results.filter((r) => r.ok).length;
  let failed = state.results.length - passed;
  const notRun = state.planned.length - state.results.length;
  if (notRun > 0) {
    console.log(`[e2e-ui] ${notRun} step(s) did not run to the end: counted as failed`);
    failed += notRun;
  }
  if (code !== 0 && failed === 0) {
    console.log('[e2e-ui] the run stopped before its steps ran: counting one failure');
    failed = 1;
  }
  log(`done, exit code ${code || (failed ? 1 : 0)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code || (failed ? 1 : 0));
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
// Preparation

function packageVsix() {
  if (opts.vsix) {
    if (!existsSync(opts.vsix)) fail(`no such .vsix: ${opts.vsix}`);
    return opts.vsix;
  }
  log('$ npm run package');
  const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  writeFileSync(join(state.dirs.logs, 'package.log'), out);
  if (opts.verbose) process.stdout.write(out);
  if (r.status !== 0) fail(`npm run package failed (${r.signal ?? `exit ${r.status}`}):\n${out.trim().split('\n').slice(-15).join('\n')}`);
  const vsix = join(ROOT, 'dist', 'fengong.vsix');
  if (!existsSync(vsix)) fail(`npm run package did not write ${vsix}`);
  return vsix;
}

/** Installs a .vsix into the run's extensions folder; returns the installed extension's folder name. */
function installVsix(paths, vsix, env, { id, version } = extensionId(ROOT)) {
  log(`$ code-server --install-extension ${vsix.replace(ROOT + '/', '')} --extensions-dir ${state.dirs.extensions}`);
  const r = spawnSync(
    paths.node24,
    [paths.codeServerEntry, '--install-extension', vsix, '--extensions-dir', state.dirs.extensions, '--user-data-dir', state.dirs.userData],
    { cwd: state.dirs.tmp, env: { ...env, PATH: `${paths.node24Bin}:${env.PATH ?? ''}` }, encoding: 'utf8', timeout: 120_000 },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  writeFileSync(join(state.dirs.logs, 'install-extension.log'), out + '\n');
  if (opts.verbose) console.log(out);
  if (r.status !== 0) fail(`--install-extension failed (${r.signal ?? `exit ${r.status}`}): ${out.split('\n').slice(-8).join('\n')}`);
  const folder = readdirSync(state.dirs.extensions).find((d) => d.toLowerCase() === `${id}-${version}`);
  if (!folder) fail(`${id}-${version} is not in the extensions folder after the install (it has: ${readdirSync(state.dirs.extensions).join(', ')}); output: ${out}`);
  log(`installed ${folder}: ${out.split('\n').filter(Boolean).at(-1)}`);
  return join(state.dirs.extensions, folder);
}

/**
 * The sample, a copy naming an agency no registry knows (the hover on its squiggle, the quick
 * fixes), and a copy no step opens (a rename must reach it on disk).
 */
function prepareWorkspace(workspace) {
  fillWorkspace(workspace);
  const sample = readFileSync(join(workspace, SAMPLE_FILE), 'utf8');
  const led = '自治区金融办牵头';
  if (!sample.includes(led)) throw new Error(`the sample no longer contains '${led}'`);
  writeFileSync(join(workspace, BROKEN_FILE), sample.replace(led, `${UNKNOWN_AGENCY}牵头`));
  writeFileSync(join(workspace, UNOPENED_FILE), sample);
  // Something Repair plan fixes: a clause opened with ( and closed with ）.
  const closed = '等部门配合)';
  if (!sample.includes(closed)) throw new Error(`the sample no longer contains '${closed}'`);
  writeFileSync(join(workspace, REPAIR_FILE), sample.replace(closed, '等部门配合）'));
  return sample;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log('UI test of the packaged extension in code-server + headless Chromium');
  const paths = await ensureSetup();
  state.dirs = makeRunDirs('fengong-e2e-ui-');
  const dirs = state.dirs;
  const sample = prepareWorkspace(dirs.workspace);
  writeUserSettings(dirs.userData, {
    // Room for the sample's long lines: no chat side bar, no minimap.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
  });
  const env = codeServerEnv(dirs, { FENGONG_E2E_RUN_ID: state.runId });
  // Old screenshots of this test would only mislead.
  if (existsSync(SCREENSHOTS)) for (const f of readdirSync(SCREENSHOTS)) if (/^ui-.*\.png$/.test(f)) rmSync(join(SCREENSHOTS, f), { force: true });

  const timer = setTimeout(async () => {
    await shot('timeout');
    const tail = state.codeServer?.codeServerTail?.slice(-15).join('\n') ?? '';
    finish(124, `timed out after ${opts.timeoutMs} ms (FENGONG_E2E_UI_TIMEOUT_MS). code-server log tail:\n${tail}`);
  }, opts.timeoutMs);

  const INSTALL = 'the packaged .vsix installs into code-server';
  const WORKBENCH = 'the workbench opens the workspace with the installed extension';
  const OPEN = `quick open (Ctrl+P) opens ${SAMPLE_FILE} as 分工方案`;

  define(
    INSTALL,
    () => {
      const vsix = packageVsix();
      const installed = installVsix(paths, vsix, env);
      state.installed = installed;
      for (const f of ['package.json', 'dist/extension.js', 'dist/server.js']) {
        if (!existsSync(join(installed, f))) fail(`the installed extension has no ${f}`);
      }
      // VS Code's display language zh-cn needs a language pack (ui/languagePack.mjs).
      const pack = installVsix(paths, languagePackVsix(CACHE), env, LANGUAGE_PACK);
      writeLanguagePacks(dirs.userData, pack, LANGUAGE_PACK);
    },
    { timeoutMs: 180_000 },
  );

  define(
    WORKBENCH,
    async () => {
      const { port } = await startCodeServer({
        paths,
        dirs,
        env,
        verbose: opts.verbose,
        log,
        extraArgs: ['--locale', 'zh-cn'],
        onSpawn: (child, logStream) => {
          state.codeServer = child;
          state.codeServerLog = logStream;
        },
      });
      state.codeServer.on('exit', (c, s) => {
        if (!state.cleaning) finish(1, `code-server exited unexpectedly (${s ?? c})`);
      });
      state.context = await launchChromium(paths, dirs);
      const page = state.context.pages()[0] ?? (await state.context.newPage());
      state.page = page;
      const browserLog = createWriteStream(join(dirs.logs, 'browser-console.log'));
      page.on('console', (m) => {
        browserLog.write(`[${m.type()}] ${m.text()}\n`);
        if (opts.verbose) console.log(`[browser ${m.type()}] ${m.text()}`);
      });
      page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e?.stack || e}\n`));
      page.on('crash', () => finish(1, 'the workbench page crashed'));
      // No payload, no extensionDevelopmentPath: only what is installed in --extensions-dir.
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      // The explorer lists the workspace's files once the remote connection is up.
      await page
        .locator('.explorer-folders-view .monaco-list-row')
        .filter({ hasText: SAMPLE_FILE })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 })
        .catch(() => fail(`the explorer does not list ${SAMPLE_FILE}`));
    },
    { timeoutMs: 90_000, requires: [INSTALL] },
  );

  define(
    OPEN,
    async () => {
      await openFile(SAMPLE_FILE);
      // The language status shows the language's name: the extension set it on the .txt file.
      let shown = '';
      await until(async () => (shown = await languageShown()) === '分工方案', 'the status bar to show the language 分工方案', 20_000).catch(() =>
        fail(`the status bar shows the language '${shown}', not 分工方案 (the extension did not give the .txt file its language)`),
      );
      // The first chapter heading is on screen.
      await activeEditor().locator('.view-lines').filter({ hasText: CHAPTER }).waitFor({ state: 'visible', timeout: 5_000 });
      await shot('1-sample-open');
    },
    { timeoutMs: 45_000, requires: [WORKBENCH] },
  );

  const ctx = { define, sample, dirs, INSTALL, OPEN, WORKBENCH };
  registerReadingSteps(ctx);
  registerTypingSteps(ctx);
  // Last: they change files (a registry is written, every plan renamed).
  registerChangingSteps(ctx);
  if (opts.only) {
    const fixed = [INSTALL, WORKBENCH, OPEN];
    state.planned = state.planned.filter(([name]) => fixed.includes(name) || name.includes(opts.only));
  }

  for (const args of state.planned) await step(...args);
  clearTimeout(timer);
  const failed = state.results.some((r) => !r.ok);
  if (failed) {
    const tail = extensionLogTail(dirs.userData, extensionId(ROOT).id);
    if (tail) console.log(tail);
  }
  await finish(failed ? 1 : 0);
}

main().catch((err) => finish(1, `error: ${err?.stack || err}`));
