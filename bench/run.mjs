#!/usr/bin/env node
// npm run bench [-- --json] [-- --no-build] [-- --only=coverage|scale]
// Every figure is a median measured in this run and printed next to its floor or peer as a
// ratio: absolute times drift between runs and machines, ratios within one run do not.
// Nothing here is an assertion: the bench reports, it never fails on a figure.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectGarbage, consume, measureAsync, measureSync, medianOf } from './measure.mjs';
import { createMarkdownIt, createPeer } from './peer.mjs';
import { mark, mib, ms, ratio, table } from './report.mjs';
import { clauseCursor, engineEditOffset, loadSample, paragraphEditOffset, scaled, SIZES, toMarkdown, togglingEdit } from './texts.mjs';
import { sleep, startServer } from './lsp.mjs';
import { measureBigDocument, measureWorkspaces, WORKSPACE_SIZES } from './scale.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.cache', 'bench');
const argv = new Set(process.argv.slice(2));
const asJson = argv.has('--json');
const noBuild = argv.has('--no-build');
/** `--only=scale`: the scale rows alone (a workspace of many files, a 50 MB plan). */
const only = [...argv].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (section) => !only || only.includes(section);
// --only=coverage: the coverage rows alone (while developing them).
const onlyCoverage = !!only?.includes('coverage');
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const started = performance.now();

/** The targets of docs/performance.md, as numbers (the first round's, and those raised since). */
const TARGETS = {
  reanalysisPerFloorA: 10, // re-analysis ≤ 10x the regex floor, at every size
  editPerUpdateFloor: 3, // a one-character edit at 100x ≤ 3x the TextDocument update floor
  editGrowth: 30, // 100x/1x for that edit: linear would be 100
  lspPerMinimal: 2, // didChange → diagnostics ≤ 2x the minimal server, at every size
  completionMs: 0.2, // completion in a clause at 100x, 5,000 agencies
  startupPerMinimal: 1.3,
  memoryPerMinimal: 1.5, // RSS with 100 sample documents open
  checkerBeyondNodeMs: 200, // the checker over 100 sample-sized files, beyond Node's own start-up
};
const REGISTRY_SIZE = 5000;
const OPEN_DOCS = 100;

const result = {
  meta: {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg()[0],
    unit: 'ms (median) unless noted; ratios are this run’s figure ÷ its floor or peer',
  },
  sizes: {},
  floors: {},
  peer: {},
  engine: {},
  completion: {},
  lsp: {},
  checker: {},
  scale: {},
  targets: [],
  notes: [],
};
const note = (s) => result.notes.push(s);
const key = (n) => `${n}x`;

// ---------------------------------------------------------------- builds

async function buildBundles() {
  const esbuild = require('esbuild');
  const { rawPlugin } = await import('../scripts/esbuild-raw.mjs');
  const common = { bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], target: 'node20', logLevel: 'silent', plugins: [rawPlugin] };
  const hasCompletion = existsSync(join(root, 'server/src/engine/features/completion.ts'));
  const out = { engine: undefined, engineError: undefined, minimal: join(cacheDir, 'minimal-server.cjs') };
  try {
    await esbuild.build({
      ...common,
      stdin: {
        contents: "export * as engine from './server/src/engine/index.ts';\n",
        resolveDir: root,
        sourcefile: 'bench-engine-entry.ts',
        loader: 'ts',
      },
      outfile: join(cacheDir, 'engine.cjs'),
    });
    out.engine = join(cacheDir, 'engine.cjs');
  } catch (e) {
    out.engineError = firstLine(e);
  }
  out.hasCompletionFile = hasCompletion;
  await esbuild.build({ ...common, entryPoints: [join(root, 'bench/minimal-server.ts')], outfile: out.minimal });
  return out;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/cli.js (and dist/server.js once server/src/server.ts exists), rebuilt when missing or older than server/src. */
function ensureDist() {
  const wanted = ['cli'];
  if (existsSync(join(root, 'server/src/server.ts'))) wanted.push('server');
  const src = newestMtime(join(root, 'server/src'));
  const missing = wanted.filter((w) => !existsSync(join(root, 'dist', `${w}.js`)));
  const stale = wanted.filter((w) => !missing.includes(w) && statSync(join(root, 'dist', `${w}.js`)).mtimeMs < src);
  if (!missing.length && !stale.length) return;
  const why = [...missing.map((w) => `dist/${w}.js missing`), ...stale.map((w) => `dist/${w}.js older than server/src`)].join(', ');
  if (noBuild) {
    note(`--no-build: ${why}; measured as found`);
    return;
  }
  log(`building dist/ (${why}): node esbuild.mjs`);
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) note(`built dist/ with node esbuild.mjs first (${why})`);
  else note(`node esbuild.mjs failed (${why}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(0, 3).join(' / ')}`);
}

/**
 * A copy of dist/cli.js, dist/server.js and dist/*.json in .cache/bench/dist, measured instead of dist/
 * itself: others may rebuild dist/ while the bench runs. The bundles load nothing beside them.
 */
function snapshotDist() {
  const from = join(root, 'dist');
  const to = join(cacheDir, 'dist');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return to;
  for (const f of readdirSync(from)) {
    if ((f === 'cli.js' || f === 'server.js' || f.endsWith('.json')) && statSync(join(from, f)).isFile()) copyFileSync(join(from, f), join(to, f));
  }
  return to;
}

function firstLine(e) {
  return String(e?.message ?? e).split('\n').slice(0, 3).join(' / ');
}

// ---------------------------------------------------------------- 1. floors

const FLOOR_REGEX = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])|牵头/gm;

function regexPass(text) {
  FLOOR_REGEX.lastIndex = 0;
  let n = 0;
  while (FLOOR_REGEX.exec(text)) n++;
  return n;
}

function lineOffsets(text) {
  const starts = [0];
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function measureFloors(texts, editAt) {
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const floors = { regex: {}, lineOffsets: {}, textDocumentEdit: {}, firstRead: {}, regexMatches: {} };
  for (const n of SIZES) {
    const text = texts[n];
    floors.regexMatches[key(n)] = regexPass(text);
    floors.regex[key(n)] = measureSync(() => consume(regexPass(text)), { budgetMs: 400 });
    floors.lineOffsets[key(n)] = measureSync(() => consume(lineOffsets(text).length), { budgetMs: 400 });
    const doc = TextDocument.create('file:///bench/floor.txt', 'fengong', 1, text);
    doc.positionAt(0); // line offsets computed once, as a server's document has them
    const edit = togglingEdit(editAt[n]);
    floors.textDocumentEdit[key(n)] = measureSync(
      () => TextDocument.update(doc, [edit.change((o) => doc.positionAt(o))], doc.version + 1),
      { budgetMs: 400 },
    );
    // What any reader of the edited text pays first: an edit made by slicing and joining is a
    // rope in V8, flattened (copied whole) by the first character read from it.
    let edited = text;
    const read = togglingEdit(editAt[n]);
    floors.firstRead[key(n)] = measureSync(
      () => {
        edited = read.apply(edited);
        consume(edited.charCodeAt(editAt[n]));
      },
      { budgetMs: 400 },
    );
    collectGarbage();
  }
  return floors;
}

// ---------------------------------------------------------------- 2. peer

async function measurePeer(mdTexts) {
  const peer = { markdownItParse: {}, languageService: {}, headingCompletion: {}, chars: {} };
  const it = createMarkdownIt();
  for (const n of SIZES) {
    const text = mdTexts[n];
    peer.chars[key(n)] = text.length;
    peer.markdownItParse[key(n)] = measureSync(() => consume(it.parse(text, {}).length), { budgetMs: n === 100 ? 1500 : 600 });

    const p = createPeer();
    const doc = p.open(`/bench/plan-${n}x.md`, text);
    const edit = togglingEdit(paragraphEditOffset(text));
    peer.languageService[key(n)] = await measureAsync(
      async () => consume(await p.editThenRefresh(doc, edit.change((o) => doc.positionAt(o)))),
      { budgetMs: n === 100 ? 3000 : 1000, warmupRuns: 3 },
    );

    const withLink = `${text}\n\n[链接](#`;
    const cdoc = p.open(`/bench/completion-${n}x.md`, withLink);
    const at = cdoc.positionAt(withLink.length);
    peer.headingCompletion[key(n)] = await measureAsync(async () => consume(await p.headingCompletion(cdoc, at)), {
      budgetMs: n === 100 ? 1500 : 500,
    });
    p.dispose();
    collectGarbage();
  }
  return peer;
}

// ---------------------------------------------------------------- 3. engine

/**
 * Re-analysis after a one-character edit. `fresh`: analyze() on the edited text alone. `previous`:
 * analyze(edited, { previous }) chaining each call's result into the next, as the server does,
 * when the engine's Analysis carries a cache for it.
 */
function measureEngine(engine, texts, editAt) {
  const registry = engine.presetFor('inner-mongolia');
  const probe = engine.analyze(texts[1], { registry });
  const supportsPrevious = !!probe && typeof probe.cache === 'object' && probe.cache !== null;
  const out = {
    api: supportsPrevious ? 'analyze(text, { registry, previous })' : 'analyze(text, { registry })',
    registry: 'inner-mongolia',
    supportsPrevious,
    forms: {},
    findings: {},
    tasks: {},
    disagreements: [],
  };
  const forms = [['fresh', 'analyze(edited text)']];
  if (supportsPrevious) forms.push(['previous', 'analyze(edited text, { previous })']);
  // The language server also says where the text changed (the engine's EditWindow), when it can.
  const supportsWindow = supportsPrevious && typeof engine.widen === 'function';
  if (supportsWindow) forms.push(['edit', 'analyze(edited text, { previous, edit })']);
  for (const [id, label] of forms) {
    const times = {};
    for (const n of SIZES) {
      let text = texts[n];
      const edit = togglingEdit(editAt[n]);
      let last = engine.analyze(text, { registry });
      if (id === 'fresh') {
        out.findings[key(n)] = last.findings.length;
        out.tasks[key(n)] = last.model.tasks.length;
      }
      const step =
        id === 'fresh'
          ? () => {
              text = edit.apply(text);
              last = engine.analyze(text, { registry });
              consume(last.findings.length);
            }
          : id === 'previous'
            ? () => {
                text = edit.apply(text);
                last = engine.analyze(text, { registry, previous: last });
                consume(last.findings.length);
              }
            : () => {
                text = edit.apply(text);
                last = engine.analyze(text, { registry, previous: last, edit: edit.window });
                consume(last.findings.length);
              };
      times[key(n)] = measureSync(step, { budgetMs: n === 100 ? 3000 : n === 10 ? 1500 : 800, warmupMs: n === 100 ? 0 : 300 });
      if (id !== 'fresh') {
        // The incremental result must be the fresh one: compare what a user sees.
        const fresh = engine.analyze(text, { registry });
        const sig = (a) => `${a.model.headings.length}/${a.model.tasks.length}/${a.model.clauses.length}/${a.findings.map((f) => `${f.code}@${f.span.start}`).join(',')}`;
        if (sig(fresh) !== sig(last)) out.disagreements.push(`${id} ${key(n)}`);
      }
      last = undefined;
      collectGarbage();
    }
    out.forms[id] = { label, times };
  }
  return out;
}

// ---------------------------------------------------------------- 4. completion

function syntheticRegistry(engine) {
  const registry = engine.presetRegistry(['inner-mongolia']);
  for (let i = 1; registry.size < REGISTRY_SIZE; i++) {
    registry.add({ name: `自治区测试局${String(i).padStart(4, '0')}`, aliases: [], level: 'provincial', source: { kind: 'file', path: 'bench' } });
  }
  return registry;
}

function measureCompletion(engine, texts, models) {
  const { pinyin } = require('pinyin-pro');
  const pinyinOf = (s) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const out = { api: 'completeAt', registrySize: 0, variants: {}, indexBuild: undefined, items: {} };
  // First call on a fresh registry builds its index (pinyin of every name): once per registry.
  const builds = [];
  let registry;
  for (let i = 0; i < 3; i++) {
    registry = syntheticRegistry(engine);
    const text = texts[1];
    const at = clauseCursor(models[1], text);
    const t = performance.now();
    engine.completeAt(text, at, { registry, pinyin: pinyinOf });
    builds.push(performance.now() - t);
  }
  out.indexBuild = medianOf(builds);
  out.registrySize = registry.size;
  const variants = [
    ['empty', '', 'after 、, nothing typed yet'],
    ['hanzi', '交通', 'typed 交通'],
    ['pinyin', 'jt', 'typed pinyin initials jt'],
  ];
  for (const [id, typed, label] of variants) {
    out.variants[id] = { label, typed };
    for (const n of SIZES) {
      const base = texts[n];
      const at = clauseCursor(models[n], base);
      if (at === undefined) continue;
      const text = base.slice(0, at) + typed + base.slice(at);
      const offset = at + typed.length;
      const sample = engine.completeAt(text, offset, { registry, pinyin: pinyinOf });
      out.items[`${id}-${key(n)}`] = sample.items.length;
      out.variants[id][key(n)] = measureSync(
        () => consume(engine.completeAt(text, offset, { registry, pinyin: pinyinOf }).items.length),
        { budgetMs: 400 },
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- 5. LSP

/**
 * `servers`: [{ name, script }]. Start-up and memory runs alternate between the servers so a
 * busy machine weighs on each alike; the timed session runs one server at a time.
 */
async function measureLsp(servers, { texts, editAt, cursorAt, planFiles, initRuns }) {
  const out = {};
  const live = () => servers.filter((sv) => !out[sv.name].failed);
  let stage = 'start-up';
  const fail = (sv, e) => {
    out[sv.name].failed = `${stage}: ${firstLine(e)}`;
    note(`LSP ${sv.name}: stopped measuring at ${out[sv.name].failed}`);
  };
  for (const sv of servers) out[sv.name] = { script: sv.script, didChangeToDiagnostics: {}, completion: {} };

  // Start-up: spawn → initialize response, and RSS once initialized and idle.
  const inits = {};
  const idle = {};
  for (let i = 0; i < initRuns; i++) {
    for (const sv of live()) {
      try {
        const s = await startServer(sv.script, { cwd: os.tmpdir() });
        (inits[sv.name] ??= []).push(s.initMs);
        await sleep(300);
        (idle[sv.name] ??= []).push(s.rss());
        if (i === 0) {
          out[sv.name].capabilities = {
            sync: ['none', 'full', 'incremental'][s.syncKind] ?? String(s.syncKind),
            diagnostics: s.pullDiagnostics ? 'pull' : 'push',
            documentSymbol: !!s.capabilities.documentSymbolProvider,
            completion: !!s.capabilities.completionProvider,
          };
        }
        await s.stop();
      } catch (e) {
        fail(sv, e);
      }
    }
  }
  for (const sv of live()) {
    out[sv.name].init = medianOf(inits[sv.name]);
    out[sv.name].rssIdle = medianOf(idle[sv.name].filter((v) => v !== undefined));
  }
  stage = 'session';

  // One session per server: documentSymbol at 1x, then didChange → diagnostics and completion per size.
  const dir = dirname(planFiles[0]);
  for (const sv of live()) {
    log(`LSP: ${sv.name} session`);
    const o = out[sv.name];
    let s;
    try {
      s = await startServer(sv.script, { cwd: os.tmpdir() });
      if (s.capabilities.documentSymbolProvider) {
        const uri = pathToFileURL(join(dir, 'symbols-1x.txt')).href;
        await s.diagnosticsOnOpen(uri, texts[1]);
        o.documentSymbol = await measureAsync(
          async () => consume((await s.request('textDocument/documentSymbol', { textDocument: { uri } }))?.length ?? 0),
          { budgetMs: 600 },
        );
        await s.close(uri);
      }
      for (const n of SIZES) {
        const uri = pathToFileURL(join(dir, `edit-${n}x.txt`)).href;
        await s.diagnosticsOnOpen(uri, texts[n]);
        const doc = s.document(uri);
        const edit = togglingEdit(editAt[n]);
        o.didChangeToDiagnostics[key(n)] = await measureAsync(
          () => s.diagnosticsAfter(uri, () => s.change(uri, edit.change((p) => doc.positionAt(p))).sent),
          { budgetMs: n === 100 ? 3000 : 1000 },
        );
        if (s.capabilities.completionProvider && cursorAt[n] !== undefined) {
          // Undo a pending edit so the cursor offset holds, then ask inside the clause.
          if (edit.inserted) await s.diagnosticsAfter(uri, () => s.change(uri, edit.change((p) => doc.positionAt(p))).sent);
          const position = doc.positionAt(cursorAt[n]);
          o.completion[key(n)] = await measureAsync(
            async () => consume((await s.request('textDocument/completion', { textDocument: { uri }, position }))?.items?.length ?? 0),
            { budgetMs: n === 100 ? 1500 : 600 },
          );
        }
        await s.close(uri);
      }
    } catch (e) {
      fail(sv, e);
    } finally {
      await s?.stop();
    }
  }

  // Memory with 100 sample documents open (different URIs), once every document is analysed.
  stage = 'memory';
  const open = {};
  const peak = {};
  for (let r = 0; r < 3; r++) {
    for (const sv of live()) {
      let m;
      try {
        m = await startServer(sv.script, { cwd: os.tmpdir() });
        await sleep(200);
        const uris = planFiles.map((f) => pathToFileURL(f).href);
        await Promise.all(uris.map((uri) => m.diagnosticsOnOpen(uri, texts[1])));
        await sleep(500);
        (open[sv.name] ??= []).push(m.rss());
        (peak[sv.name] ??= []).push(m.rss('VmHWM'));
      } catch (e) {
        fail(sv, e);
      } finally {
        await m?.stop();
      }
    }
  }
  for (const sv of live()) {
    out[sv.name].rssOpen = medianOf(open[sv.name].filter((v) => v !== undefined));
    out[sv.name].rssPeak = medianOf(peak[sv.name].filter((v) => v !== undefined));
  }
  return out;
}

// ---------------------------------------------------------------- 6. checker

function timeProcess(args) {
  return new Promise((resolvePromise) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (d) => (bytes += d.length));
    child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    child.on('close', (code) => resolvePromise({ ms: performance.now() - t, code, bytes, err }));
  });
}

async function measureChecker(cli, planFiles) {
  if (!existsSync(cli)) return { measured: false, reason: 'dist/cli.js missing (node esbuild.mjs failed?)' };
  const args = [cli, 'check', '--format', 'json', ...planFiles];
  const node = [];
  const check = [];
  let last;
  await timeProcess(['-e', '0']);
  last = await timeProcess(args);
  for (let i = 0; i < 7; i++) {
    node.push((await timeProcess(['-e', '0'])).ms);
    last = await timeProcess(args);
    check.push(last.ms);
  }
  const out = { measured: true, files: planFiles.length, node: medianOf(node), check: medianOf(check), exitCode: last.code, outputBytes: last.bytes };
  if (last.code === 2) out.error = last.err.trim().split('\n').slice(0, 3).join(' / ');
  out.beyondNodeMs = out.check.median - out.node.median;
  return out;
}

// ---------------------------------------------------------------- registries

/**
 * Building the agency data into a registry, cold, in a process of its own (the data is read and
 * the templates filled in on first use, once per place): time and the heap it keeps.
 */
async function measureRegistries(engineBundle) {
  const cases = [
    ['national', "e.presetFor('national')"],
    ['广东省', "e.presetFor('广东省')"],
    ['the sample\'s place (满洲里, via analyze)', 'e.analyze(require(\'node:fs\').readFileSync(process.env.SAMPLE, \'utf8\')).registry'],
    ['all 31 provinces + national', "e.presetRegistry(['national', ...e.provinces().map((p) => p.name)])"],
  ];
  const out = [];
  for (const [label, expr] of cases) {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const code = `const e = require(${JSON.stringify(engineBundle)}).engine; global.gc(); const h = process.memoryUsage().heapUsed; const t = performance.now(); const r = ${expr}; const ms = performance.now() - t; global.gc(); console.log(JSON.stringify({ ms, heap: process.memoryUsage().heapUsed - h, size: r.size }));`;
      const r = spawnSync(process.execPath, ['--expose-gc', '-e', code], { encoding: 'utf8', env: { ...process.env, SAMPLE: join(root, 'seeds/manzhouli-2014.txt') } });
      if (r.status !== 0) {
        out.push({ label, measured: false, reason: firstLine(r.stderr) });
        break;
      }
      runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
    }
    if (runs.length) out.push({ label, measured: true, ms: medianOf(runs.map((x) => x.ms)), heapMiB: medianOf(runs.map((x) => x.heap / 1048576)).median, size: runs[0].size });
  }
  return out;
}

// ---------------------------------------------------------------- coverage

const COVERAGE_SOURCE_CHARS = 30000;

/**
 * Coverage as the editor runs it: a plan of about 300 tasks (the sample ×4) against a
 * 30,000-character source (the 2018 政府工作报告 of tests/fixtures/real/coverage/, repeated to
 * length), after a one-character edit in a task, beside the plain re-analysis of the same edit.
 */
function measureCoverage(engine) {
  const report = readFileSync(join(root, 'tests/fixtures/real/coverage/2018-national-gzbg-report.txt'), 'utf8');
  let sourceText = '';
  while (sourceText.length < COVERAGE_SOURCE_CHARS) sourceText += report + '\n';
  sourceText = sourceText.slice(0, COVERAGE_SOURCE_CHARS);
  const plan = scaled(loadSample(root), 4);
  const registry = engine.presetFor('inner-mongolia');
  const model = engine.analyze(plan, { registry }).model;
  const at = engineEditOffset(model, plan.length);
  const out = { measured: true, sourceChars: sourceText.length, planChars: plan.length, tasks: model.tasks.length };
  let source = engine.indexSource(sourceText);
  out.measures = source.measures.length;
  out.index = measureSync(() => consume((source = engine.indexSource(sourceText)).measures.length));
  // Every task scored against every measure: a new source, or the first analysis.
  out.cold = measureSync(() => consume(engine.coverageOf(model, engine.indexSource(sourceText)).assigned), { budgetMs: 1500 });
  out.coldScoring = { median: out.cold.median - out.index.median };
  for (const [id, withSource] of [['plain', false], ['withSource', true]]) {
    let text = plan;
    const edit = togglingEdit(at);
    let last = engine.analyze(text, { registry, source: withSource ? source : undefined });
    out[id] = measureSync(() => {
      text = edit.apply(text);
      last = engine.analyze(text, { registry, previous: last, edit: edit.window, source: withSource ? source : undefined });
      consume(last.findings.length);
    });
  }
  return out;
}

function renderCoverage(c) {
  if (!c) return '';
  if (!c.measured) return `7. coverage: not measured (${c.reason})`;
  const rows = [
    { what: 'source / plan', text: `${c.sourceChars} characters, ${c.measures} measures / ${c.planChars} characters, ${c.tasks} tasks (the sample ×4)` },
    { what: 'indexSource (once per source text)', cells: [ms(c.index.median)] },
    { what: 'coverageOf, every task scored (cold)', cells: [ms(c.coldScoring.median)] },
    { what: 'analyze after a one-char edit, { previous, edit }', cells: [ms(c.plain.median)] },
    { what: '  the same with { source }: coverage too', cells: [ms(c.withSource.median)] },
    { what: '  ÷ plain re-analysis', cells: [ratio(c.withSource.median / c.plain.median)] },
  ];
  return table(['7. coverage against a source document (ms, median)', 'ms', 'target', ''], rows);
}

// ---------------------------------------------------------------- main

async function main() {
  const bundles = await buildBundles();
  ensureDist();
  const dist = snapshotDist();

  const sample = loadSample(root);
  if (only?.includes('scale')) {
    await measureScale(bundles, dist, sample);
    return finish();
  }
  const texts = {};
  const mdTexts = {};
  const md1 = toMarkdown(sample);
  for (const n of SIZES) {
    texts[n] = scaled(sample, n);
    mdTexts[n] = scaled(md1, n);
    result.sizes[key(n)] = { chars: texts[n].length, markdownChars: mdTexts[n].length };
  }

  let engine;
  if (bundles.engine) {
    try {
      engine = require(bundles.engine).engine;
    } catch (e) {
      bundles.engineError = firstLine(e);
    }
  }
  if (!engine) note(`engine not measured: bundling server/src/engine/index.ts failed: ${bundles.engineError}`);
  else {
    const incremental = ['createSession', 'PlanSession'].filter((k) => k in engine);
    result.engine.incrementalExports = incremental;
    if (incremental.length) note(`the engine exports ${incremental.join(' and ')}: the bench still measures analyze() on the edited text (no adapter for the incremental form yet)`);
  }

  if (onlyCoverage) {
    result.coverage = engine ? measureCoverage(engine) : { measured: false, reason: bundles.engineError };
    process.stdout.write(`${asJson ? JSON.stringify(result.coverage, null, 2) : renderCoverage(result.coverage)}\n`);
    return;
  }

  // Where edits and completions go: from the engine's own model when we have it.
  const models = {};
  const editAt = {};
  const cursorAt = {};
  for (const n of SIZES) {
    if (engine) {
      try {
        models[n] = engine.analyze(texts[n], { registry: engine.presetFor('inner-mongolia') }).model;
        editAt[n] = engineEditOffset(models[n], texts[n].length);
        cursorAt[n] = clauseCursor(models[n], texts[n]);
      } catch (err) {
        bundles.engineError = `engine threw: ${firstLine(err)}`;
        note(`engine not measured: ${bundles.engineError}`);
        engine = undefined;
      }
    }
  }
  if (!engine) for (const n of SIZES) editAt[n] = paragraphEditOffset(texts[n]);
  collectGarbage();

  log('floors');
  result.floors = measureFloors(texts, editAt);
  log('peer: markdown-it and vscode-markdown-languageservice');
  result.peer = await measurePeer(mdTexts);

  if (engine) {
    log('engine: re-analysis after a one-character edit');
    try {
      result.engine = { ...result.engine, ...measureEngine(engine, texts, editAt) };
      const e = result.engine;
      for (const form of Object.values(e.forms)) {
        form.perFloorA = {};
        form.perPeer = {};
        for (const n of SIZES) {
          form.perFloorA[key(n)] = form.times[key(n)].median / result.floors.regex[key(n)].median;
          form.perPeer[key(n)] = form.times[key(n)].median / result.peer.languageService[key(n)].median;
        }
        form.growth10x = form.times['10x'].median / form.times['1x'].median;
        form.growth100x = form.times['100x'].median / form.times['1x'].median;
      }
      // Judged on what the language server runs: the edit window when the engine takes one.
      e.targetForm = e.forms.edit ? 'edit' : e.forms.previous ? 'previous' : 'fresh';
      if (e.disagreements.length) note(`analyze(…, { previous }) disagrees with a fresh analyze() at ${e.disagreements.join(', ')} (headings/tasks/clauses/findings)`);
    } catch (err) {
      result.engine = { ...result.engine, measured: false, reason: `engine threw: ${firstLine(err)}` };
    }
  } else result.engine = { measured: false, reason: bundles.engineError };

  if (engine && typeof engine.completeAt === 'function') {
    log(`engine completion (${REGISTRY_SIZE} agencies)`);
    try {
      result.completion = { measured: true, ...measureCompletion(engine, texts, models) };
    } catch (err) {
      result.completion = { measured: false, reason: `completeAt threw: ${firstLine(err)}` };
    }
  } else {
    result.completion = {
      measured: false,
      reason: bundles.hasCompletionFile ? 'server/src/engine/features/completion.ts exists but index.ts exports no completeAt' : 'no engine completion yet',
    };
  }
  collectGarbage();
  if (engine && typeof engine.indexSource === 'function') {
    log('coverage: 300 tasks against a 30,000-character source');
    try {
      result.coverage = measureCoverage(engine);
    } catch (err) {
      result.coverage = { measured: false, reason: `coverage threw: ${firstLine(err)}` };
    }
  }
  collectGarbage();

  // Plan files: the checker's input and the LSP memory row's URIs.
  const tmp = mkdtempSync(join(os.tmpdir(), 'fengong-bench-'));
  try {
    const planFiles = [];
    for (let i = 1; i <= OPEN_DOCS; i++) {
      const f = join(tmp, `plan-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(f, sample);
      planFiles.push(f);
    }
    const lspInput = { texts, editAt, cursorAt, planFiles, initRuns: 7 };
    const servers = [{ name: 'minimal', script: bundles.minimal }];
    const server = join(dist, 'server.js');
    if (existsSync(server)) servers.push({ name: 'fengong', script: server });
    log(`LSP: ${servers.map((sv) => sv.name).join(' and ')}: start-up`);
    result.lsp = await measureLsp(servers, lspInput);
    if (!existsSync(server)) result.lsp.fengong = { measured: false, reason: 'dist/server.js missing' };
    if (bundles.engine) {
      log('registries: built cold from the agency data');
      result.registries = await measureRegistries(bundles.engine);
    }
    log('checker: node dist/cli.js check --format json, 100 files');
    result.checker = await measureChecker(join(dist, 'cli.js'), planFiles);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (runs('scale')) await measureScale(bundles, dist, sample);
  evaluateTargets();
  finish();
}

async function measureScale(bundles, dist, sample) {
  const server = join(dist, 'server.js');
  if (!existsSync(server)) {
    result.scale = { measured: false, reason: 'dist/server.js missing' };
    return;
  }
  result.scale = {
    measured: true,
    workspaces: await measureWorkspaces(server, bundles.minimal, log),
    bigDocument: await measureBigDocument(sample, server, bundles.minimal, log),
  };
}

function finish() {
  result.meta.benchSeconds = (performance.now() - started) / 1000;
  result.meta.loadAverageAtEnd = os.loadavg()[0];
  if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${only ? renderScaleOnly() : render()}\n`);
}

/** The scale rows: fengong beside its floor (reading the files; the minimal server; TextDocument.update). */
function renderScale() {
  const sc = result.scale;
  if (!sc?.measured) return sc?.reason ? `scale rows not measured (${sc.reason})` : '';
  const rows = [];
  const cell = (a, b, fmt) => [a === undefined ? '—' : fmt(a), b === undefined ? '—' : fmt(b), a !== undefined && b !== undefined ? ratio(a / b) : '—'];
  rows.push({ section: `7. workspace index: plan files on disk (~1 KB each, 10 tasks), server started on the folder` });
  for (const n of WORKSPACE_SIZES) {
    const w = sc.workspaces[n];
    if (!w || w.failed) {
      rows.push({ what: `${n} files`, text: `not measured (${w?.failed ?? 'no run'})` });
      continue;
    }
    rows.push({ what: `${n} files: workspace/symbol while it scans ÷ once indexed`, cells: cell(w.during?.median, w.symbolsIndexed.median, ms), target: w.during ? `max ${ms(w.duringMax)} ms of ${w.during.n}` : 'the scan was over first' });
    rows.push({ what: `${n} files: until every file is indexed (ms) ÷ reading them`, cells: cell(w.indexed, w.readFloor.median, ms) });
    rows.push({ what: `${n} files: workspace/symbol once indexed (ms)`, cells: [ms(w.symbolsIndexed.median), '—', '—'], target: w.found ? 'finds the last file' : 'misses the last file', ok: w.found });
    rows.push({ what: `${n} files: RSS once indexed ÷ minimal server`, cells: cell(w.rss, w.minimalRss, mib) });
  }
  const b = sc.bigDocument;
  rows.push({ section: `8. one plan of ${(b.bytes / 1e6).toFixed(0)} MB (${b.chars} characters, the sample ${b.copies}x): past the size limit, outline only` });
  const f = b.fengong;
  const mn = b.minimal;
  if (f.failed) rows.push({ what: 'fengong', text: `not measured (${f.failed})` });
  else {
    rows.push({ what: 'didOpen → first diagnostics (ms) ÷ minimal server', cells: cell(f.firstDiagnostics, mn.firstDiagnostics, ms), target: 'was 10 s' });
    rows.push({ what: 'one-char didChange → diagnostics (ms) ÷ minimal', cells: cell(f.keystroke.median, mn.keystroke?.median, ms), target: '≪1 s (was 2.1 s)', ok: f.keystroke.median < 1000 });
    rows.push({ what: '  ÷ floor (c) TextDocument.update on it', cells: cell(f.keystroke.median, b.updateFloor.median, ms) });
    rows.push({ what: 'documentSymbol (the outline) round trip (ms)', cells: cell(f.outline.median, mn.outline?.median, ms) });
    rows.push({ what: 'RSS after the edits ÷ minimal', cells: cell(f.rss, mn.rss, mib), target: 'was 2.3 GB' });
    rows.push({ what: '  peak RSS (VmHWM)', cells: cell(f.peak, mn.peak, mib) });
    rows.push({ what: 'findings', text: f.findings.join(', ') || 'none' });
  }
  return table(['scale (median unless one run)', 'fengong', 'floor / minimal', 'ratio', 'target', ''], rows);
}

function renderScaleOnly() {
  const r = result;
  return [
    `fengong bench (--only=${only.join(',')}) — ${r.meta.date}, Node ${r.meta.node}, ${r.meta.cpus} cores (${r.meta.cpu ?? '?'})`,
    '',
    renderScale(),
    '',
    ...r.notes.map((n) => `note: ${n}`),
    `bench took ${r.meta.benchSeconds.toFixed(0)} s; 1-minute load average ${r.meta.loadAverageAtStart.toFixed(1)} at start, ${r.meta.loadAverageAtEnd.toFixed(1)} at end`,
  ].join('\n');
}

function target(id, what, value, limit, unit) {
  const t = { id, what, value, limit, unit, ok: value === undefined || value === null || Number.isNaN(value) ? undefined : value <= limit };
  result.targets.push(t);
  return t;
}

function evaluateTargets() {
  const e = result.engine;
  if (e.forms) {
    const form = e.forms[e.targetForm];
    const worst = Math.max(...SIZES.map((n) => form.perFloorA[key(n)]));
    target('reanalysis-floor', `re-analysis after a one-character edit, ${form.label}, ÷ floor (a), worst size`, worst, TARGETS.reanalysisPerFloorA, 'x');
    target('reanalysis-update', `re-analysis after a one-character edit at 100x, ${form.label}, ÷ floor (c) TextDocument update`, form.times['100x'].median / result.floors.textDocumentEdit['100x'].median, TARGETS.editPerUpdateFloor, 'x');
    target('reanalysis-linear', `re-analysis growth 100x/1x, ${form.label} (linear ≈ 100)`, form.growth100x, TARGETS.editGrowth, 'x');
  }
  const c = result.completion;
  if (c.measured) {
    for (const [id, v] of Object.entries(c.variants)) {
      target(`completion-${id}`, `completion in a clause at 100x, ${c.registrySize} agencies, ${v.label}`, v['100x']?.median, TARGETS.completionMs, 'ms');
    }
  }
  const { fengong, minimal } = result.lsp;
  if (fengong?.didChangeToDiagnostics && minimal?.didChangeToDiagnostics && Object.keys(fengong.didChangeToDiagnostics).length) {
    const worst = Math.max(...SIZES.map((n) => fengong.didChangeToDiagnostics[key(n)]?.median / minimal.didChangeToDiagnostics[key(n)]?.median));
    target('lsp', 'LSP didChange → diagnostics ÷ minimal server, worst size', worst, TARGETS.lspPerMinimal, 'x');
  }
  if (fengong?.init && minimal?.init) {
    target('startup', 'spawn → initialize response ÷ minimal server', fengong.init.median / minimal.init.median, TARGETS.startupPerMinimal, 'x');
  }
  if (fengong?.rssOpen && minimal?.rssOpen) {
    target('memory', `RSS with ${OPEN_DOCS} sample documents open ÷ minimal server`, fengong.rssOpen.median / minimal.rssOpen.median, TARGETS.memoryPerMinimal, 'x');
  }
  if (result.checker.measured) {
    target('checker', `checker over ${OPEN_DOCS} files, ms beyond node -e 0`, result.checker.beyondNodeMs, TARGETS.checkerBeyondNodeMs, 'ms');
  }
}

function render() {
  const r = result;
  const f = r.floors;
  const sizeCells = (obj) => SIZES.map((n) => ms(obj?.[key(n)]?.median));
  const ratioCells = (num, den) => SIZES.map((n) => ratio(num?.[key(n)]?.median / den?.[key(n)]?.median));
  const rows = [];
  rows.push({ what: 'text size (characters)', cells: SIZES.map((n) => String(r.sizes[key(n)].chars)) });
  rows.push({ section: '1. floors' });
  rows.push({ what: '(a) one regex pass: headings + 牵头', cells: sizeCells(f.regex) });
  rows.push({ what: '(b) line offsets, charCodeAt loop', cells: sizeCells(f.lineOffsets) });
  rows.push({ what: '(c) TextDocument.update, one-char edit', cells: sizeCells(f.textDocumentEdit) });
  if (f.firstRead) rows.push({ what: '(d) edited text, first character read', cells: sizeCells(f.firstRead) });
  rows.push({ section: '2. peer (same plan as Markdown)' });
  rows.push({ what: 'markdown-it parse', cells: sizeCells(r.peer.markdownItParse) });
  rows.push({ what: '  ÷ floor (a)', cells: ratioCells(r.peer.markdownItParse, f.regex) });
  rows.push({ what: 'md-languageservice: edit, symbols+folding+diag', cells: sizeCells(r.peer.languageService) });
  rows.push({ what: '  ÷ floor (a)', cells: ratioCells(r.peer.languageService, f.regex) });
  rows.push({ what: 'md-languageservice: heading completion, parsed', cells: sizeCells(r.peer.headingCompletion) });

  rows.push({ section: '3. engine: re-analysis after a one-char edit, inner-mongolia registry' });
  const e = r.engine;
  if (e.forms) {
    const worst = r.targets.find((t) => t.id === 'reanalysis-floor');
    const lin = r.targets.find((t) => t.id === 'reanalysis-linear');
    const upd = r.targets.find((t) => t.id === 'reanalysis-update');
    for (const [id, form] of Object.entries(e.forms)) {
      const judged = id === e.targetForm;
      rows.push({ what: form.label, cells: sizeCells(form.times) });
      rows.push({ what: '  ÷ floor (a)', cells: SIZES.map((n) => ratio(form.perFloorA[key(n)])), target: judged ? `≤${TARGETS.reanalysisPerFloorA}x at every size` : undefined, ok: judged ? worst.ok : undefined });
      rows.push({ what: '  ÷ floor (c) TextDocument update', cells: SIZES.map((n) => ratio(form.times[key(n)].median / r.floors.textDocumentEdit[key(n)].median)), target: judged ? `≤${TARGETS.editPerUpdateFloor}x at 100x` : undefined, ok: judged ? upd.ok : undefined });
      rows.push({ what: '  ÷ peer (md-languageservice)', cells: SIZES.map((n) => ratio(form.perPeer[key(n)])) });
      rows.push({ what: '  growth vs 1x', cells: ['1', ratio(form.growth10x), ratio(form.growth100x)], target: judged ? `100x/1x ≤${TARGETS.editGrowth}` : undefined, ok: judged ? lin.ok : undefined });
      // The part of it that is the text's own: every reader of the edited string flattens it first.
      if (judged && r.floors.firstRead) {
        const net = Object.fromEntries(SIZES.map((n) => [key(n), { median: Math.max(0, form.times[key(n)].median - r.floors.firstRead[key(n)].median) }]));
        rows.push({ what: '  less floor (d)', cells: sizeCells(net) });
        rows.push({ what: '    growth vs 1x', cells: ['1', ratio(net['10x'].median / net['1x'].median), ratio(net['100x'].median / net['1x'].median)] });
      }
    }
  } else rows.push({ what: 're-analysis', text: `not measured (${e.reason})` });

  rows.push({ section: `4. engine completion in a clause` });
  const c = r.completion;
  if (c.measured) {
    rows.push({ what: `registry`, text: `${c.registrySize} agencies (inner-mongolia preset + 自治区测试局0001…); first call builds the index: ${ms(c.indexBuild.median)} ms` });
    for (const [id, v] of Object.entries(c.variants)) {
      const t = r.targets.find((x) => x.id === `completion-${id}`);
      rows.push({ what: `completeAt, ${v.label}`, cells: sizeCells(v), target: `≤${TARGETS.completionMs} ms at 100x`, ok: t?.ok });
    }
    rows.push({ what: '  pinyin ÷ peer heading completion', cells: ratioCells(c.variants.pinyin, r.peer.headingCompletion) });
  } else rows.push({ what: 'completion', text: `not measured (${c.reason})` });

  const { fengong, minimal } = r.lsp;
  const ours = fengong?.init ? fengong : undefined;
  rows.push({ section: `5. LSP, one-char didChange → diagnostics (fengong: ${ours ? `${ours.capabilities.diagnostics}, ${ours.capabilities.sync} sync` : '—'}; minimal: push)` });
  if (ours) rows.push({ what: 'fengong dist/server.js', cells: sizeCells(ours.didChangeToDiagnostics) });
  else rows.push({ what: 'fengong dist/server.js', text: `not measured (${fengong?.reason ?? fengong?.failed})` });
  if (minimal?.init) rows.push({ what: 'minimal server', cells: sizeCells(minimal.didChangeToDiagnostics) });
  else rows.push({ what: 'minimal server', text: `not measured (${minimal?.reason ?? minimal?.failed})` });
  if (ours && minimal?.init) rows.push({ what: '  ÷ minimal', cells: ratioCells(ours.didChangeToDiagnostics, minimal.didChangeToDiagnostics), target: `≤${TARGETS.lspPerMinimal}x at every size`, ok: r.targets.find((t) => t.id === 'lsp')?.ok });
  if (ours && Object.keys(ours.completion).length) rows.push({ what: 'fengong completion round trip, in a clause', cells: sizeCells(ours.completion) });

  const t1 = table(['what (ms, median)', '1x', '10x', '100x', 'target', ''], rows);

  // Process figures: fengong beside the minimal server (or node -e 0).
  const prow = [];
  const pr = (what, a, b, fmt, t, extra) => {
    const cells = [a === undefined ? '—' : fmt(a), b === undefined ? '—' : fmt(b), a !== undefined && b !== undefined ? ratio(a / b) : '—'];
    prow.push({ what, cells, target: t?.limit !== undefined ? `≤${t.limit}x${extra ?? ''}` : extra, ok: t?.ok });
  };
  const tStart = r.targets.find((x) => x.id === 'startup');
  const tMem = r.targets.find((x) => x.id === 'memory');
  if (!ours) prow.push({ what: 'fengong LSP rows', text: `not measured (${fengong?.reason ?? fengong?.failed})` });
  pr('spawn → initialize response (ms)', ours?.init?.median, minimal?.init?.median, ms, tStart);
  pr('documentSymbol round trip, 1x (ms)', ours?.documentSymbol?.median, minimal?.documentSymbol?.median, ms);
  pr('RSS idle, initialized', ours?.rssIdle?.median, minimal?.rssIdle?.median, mib);
  pr(`RSS with ${OPEN_DOCS} sample documents open`, ours?.rssOpen?.median, minimal?.rssOpen?.median, mib, tMem);
  pr(`  peak RSS (VmHWM) then`, ours?.rssPeak?.median, minimal?.rssPeak?.median, mib);
  const ch = r.checker;
  if (ch.measured) {
    const t = r.targets.find((x) => x.id === 'checker');
    prow.push({
      what: `fengong check --format json, ${ch.files} files (ms)`,
      cells: [ms(ch.check.median), ms(ch.node.median), ratio(ch.check.median / ch.node.median)],
      target: `+${ch.beyondNodeMs.toFixed(0)} ms beyond node (≤+${TARGETS.checkerBeyondNodeMs})`,
      ok: t.ok,
    });
  } else prow.push({ what: 'checker', text: `not measured (${ch.reason})` });
  const t2 = table(['process figures (median)', 'fengong', 'minimal / node -e 0', 'ratio', 'target', ''], prow);
  const regRows = (r.registries ?? []).map((g) =>
    g.measured ? { what: g.label, cells: [String(g.size), ms(g.ms.median), g.heapMiB.toFixed(1)] } : { what: g.label, text: `not measured (${g.reason})` },
  );
  const t3 = regRows.length ? table(['registry built cold from the data (median of 5 processes)', 'agencies', 'ms', 'heap MiB', '', ''], regRows) : '';

  const summary = r.targets.map((t) => {
    const v = t.unit === 'ms' ? `${ms(t.value)} ms` : ratio(t.value);
    const lim = t.unit === 'ms' ? `${t.limit} ms` : `${t.limit}x`;
    const by = t.ok === false ? ` — misses by ${(t.value / t.limit).toFixed(1)}x` : '';
    return `  ${mark(t.ok)} ${t.what}: ${v} (target ≤ ${lim})${by}`;
  });

  const head = `fengong bench — ${r.meta.date}, Node ${r.meta.node}, ${r.meta.cpus} cores (${r.meta.cpu ?? '?'})`;
  const extra = [];
  if (ch.measured && ch.exitCode !== 0) extra.push(`checker exit code ${ch.exitCode}${ch.exitCode === 1 ? ' (findings of error severity: expected on the sample)' : ''}${ch.error ? `: ${ch.error}` : ''}`);
  if (e.findings) extra.push(`engine findings per run: ${SIZES.map((n) => `${key(n)} ${e.findings[key(n)]}`).join(', ')}; regex floor matches: ${SIZES.map((n) => `${key(n)} ${f.regexMatches[key(n)]}`).join(', ')}`);
  return [
    head,
    '',
    t1,
    '',
    t2,
    '',
    ...(t3 ? [t3, ''] : []),
    ...(r.coverage ? [renderCoverage(r.coverage), ''] : []),
    ...(runs('scale') ? [renderScale(), ''] : []),
    'targets (docs/performance.md):',
    ...summary,
    '',
    ...[...r.notes, ...extra].map((n) => `note: ${n}`),
    `bench took ${r.meta.benchSeconds.toFixed(0)} s; 1-minute load average ${r.meta.loadAverageAtStart.toFixed(1)} at start, ${r.meta.loadAverageAtEnd.toFixed(1)} at end${Math.max(r.meta.loadAverageAtStart, r.meta.loadAverageAtEnd) > r.meta.cpus ? ' (above the core count, other work is sharing the machine: figures are noisier)' : ''}`,
  ].join('\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
