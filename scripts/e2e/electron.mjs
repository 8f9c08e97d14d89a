#!/usr/bin/env node
// Runs the same end-to-end suite (tests/e2e/suite, with the plan and edit tests) in desktop
// VS Code through @vscode/test-electron's runTests: extensionDevelopmentPath = the repo root,
// extensionTestsPath = the bundled suite (dist/e2e/suite/index.js), a fresh temp workspace
// holding the sample. Where VS Code cannot be downloaded (these machines: ENOTFOUND), it says so
// in one line and exits 3; use scripts/e2e/run.mjs (code-server) there. Not part of `npm test`.
//
//   node scripts/e2e/electron.mjs [--vscode-executable FILE] [--vscode-version VERSION] [--keep]
//
// Env (each flag has one):
//   FENGONG_E2E_VSCODE_EXECUTABLE  a VS Code already on this machine (no download)
//   FENGONG_E2E_VSCODE_VERSION     what to download: 'stable' (default), 'insiders' or e.g. 1.91.0
//   FENGONG_E2E_KEEP=1             keep the temp folder
//
// Exit codes: 0 all passed, 1 a test failed (or VS Code crashed), 2 bad arguments,
// 3 VS Code could not be downloaded. The last line of a run is `N passed, N failed`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { buildSuite, fillWorkspace, makeRunDirs, readArgs, ROOT, SUMMARY_RE, usageExit, writeUserSettings } from './common.mjs';

function parseArgs(argv) {
  const opts = {
    executable: process.env.FENGONG_E2E_VSCODE_EXECUTABLE || '',
    version: process.env.FENGONG_E2E_VSCODE_VERSION || 'stable',
    keep: process.env.FENGONG_E2E_KEEP === '1',
  };
  const a = readArgs(argv, { 'vscode-executable': 'value', 'vscode-version': 'value', keep: 'flag' }, usage);
  if (a['vscode-executable'] !== undefined) opts.executable = resolve(a['vscode-executable']);
  if (a['vscode-version'] !== undefined) opts.version = a['vscode-version'];
  if (a.keep) opts.keep = true;
  return opts;
}

function usage(error) {
  usageExit(import.meta.url, 'electron.mjs', error);
}

const opts = parseArgs(process.argv.slice(2));
const log = (msg) => console.log(`[e2e-electron] ${msg}`);
let dirs;

function removeTemp() {
  if (!dirs) return;
  if (opts.keep) log(`kept ${dirs.tmp}`);
  else rmSync(dirs.tmp, { recursive: true, force: true });
  dirs = undefined;
}

/** The network error under a failed download, as `CODE host` (e.g. `ENOTFOUND update.code.visualstudio.com`). */
function networkReason(err) {
  for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
    const code = e.code || /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/.exec(String(e.message))?.[1];
    if (code) {
      const host = e.hostname || /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(String(e.message))?.[1] || '';
      return `${code}${host ? ` ${host}` : ''}`;
    }
  }
  return undefined;
}

async function main() {
  const require = createRequire(import.meta.url);
  const { runTests, downloadAndUnzipVSCode, SilentReporter } = require('@vscode/test-electron');

  // 1. VS Code itself: a local one, or a download (which fails offline: say so in one line).
  let executable = opts.executable;
  if (executable) {
    if (!existsSync(executable)) usage(`no VS Code at ${executable}`);
  } else {
    try {
      executable = await downloadAndUnzipVSCode({
        version: opts.version,
        reporter: new SilentReporter(),
        extensionDevelopmentPath: ROOT,
        timeout: 15_000,
      });
    } catch (err) {
      const net = networkReason(err);
      const why = net ? `${net}` : String(err?.message || err).split('\n')[0];
      console.error(
        `electron.mjs: cannot download VS Code '${opts.version}' for @vscode/test-electron (${why}); ` +
          'set FENGONG_E2E_VSCODE_EXECUTABLE to a local VS Code, or run the suite in code-server: npm run test:e2e',
      );
      process.exit(3);
    }
  }
  log(`VS Code: ${executable}`);

  // 2. The extension and the suite.
  const main = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main ?? './dist/extension.js';
  if (!existsSync(join(ROOT, main))) {
    log('$ npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const testsIndex = await buildSuite();

  // 3. A fresh workspace and profile; the suite's output is scanned for its summary line.
  dirs = makeRunDirs('fengong-e2e-electron-');
  fillWorkspace(dirs.workspace);
  writeUserSettings(dirs.userData);
  let summary;
  const out = new PassThrough();
  let pending = '';
  out.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = SUMMARY_RE.exec(line);
      if (m) summary = `${m[1]} passed, ${m[2]} failed`;
    }
  });

  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsIndex,
      launchArgs: [dirs.workspace, '--disable-extensions', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
      extensionTestsEnv: {
        FENGONG_E2E_PLAN: '1',
        FENGONG_E2E_EXTENSION_PATH: ROOT,
        FENGONG_E2E_WORKSPACE: dirs.workspace,
      },
      stdout: out,
    });
  } catch (err) {
    // TestRunFailedError: VS Code exited non-zero (a failed test, or a crash).
    log(`VS Code exited: ${err?.message || err}`);
    code = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
  }
  const m = SUMMARY_RE.exec(pending);
  if (m) summary = `${m[1]} passed, ${m[2]} failed`;
  removeTemp();
  if (!summary) {
    log('the suite printed no summary (it did not run to the end): counting one failure');
    summary = '0 passed, 1 failed';
    code ||= 1;
  }
  if (code === 0 && Number(SUMMARY_RE.exec(summary)[2]) > 0) code = 1;
  console.log(summary);
  process.exit(code ? 1 : 0);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    removeTemp();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

main().catch((err) => {
  removeTemp();
  console.error(`electron.mjs: ${err?.stack || err}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
