// A small LSP client over a child's stdio, for timing servers the way an editor drives them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const TIMEOUT_MS = 60_000;

export const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  workspace: { configuration: true, workspaceFolders: false, didChangeConfiguration: { dynamicRegistration: false } },
  window: { workDoneProgress: false },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
    completion: { dynamicRegistration: false, completionItem: { snippetSupport: true } },
    foldingRange: { dynamicRegistration: false },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
  },
};

/** Resident set size of a process, in MiB (Linux /proc), or undefined. */
export function rssMiB(pid, field = 'VmRSS') {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Spawns `node [nodeArgs] <script> --stdio` (nodeArgs: e.g. --cpu-prof, for a look inside) and initializes it
 * (`root`: a workspace folder). `initMs` runs from spawn to the
 * initialize response.
 */
export async function startServer(script, { cwd, nodeArgs = [], root } = {}) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  let exited;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const connection = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  connection.onError(() => {});
  // Server-to-client requests: configuration gets "no setting", everything else an empty result.
  connection.onRequest((method, params) =>
    method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null,
  );
  const pushWaiters = new Set();
  let publishCount = 0;
  const published = new Set();
  connection.onNotification((method, params) => {
    if (method !== 'textDocument/publishDiagnostics') return;
    publishCount++;
    published.add(params.uri);
    for (const w of pushWaiters) w(params);
  });
  connection.listen();

  const died = exitPromise.then((e) => {
    throw new Error(`server exited (code ${e.code}, signal ${e.signal})${stderr ? `: ${stderr.trim().slice(-400)}` : ''}`);
  });
  died.catch(() => {});
  const guard = (p, what) => withTimeout(Promise.race([p, died]), TIMEOUT_MS, what);

  let initResult;
  try {
    initResult = await guard(
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'fengong-bench' },
        locale: 'zh-cn',
        rootUri: root ? pathToFileURL(root).href : null,
        workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: 'bench' }] : null,
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: {},
      }),
      'initialize',
    );
  } catch (e) {
    if (!exited) child.kill('SIGKILL');
    connection.dispose();
    throw e;
  }
  const initMs = performance.now() - t0;
  await connection.sendNotification('initialized', {});

  const caps = initResult?.capabilities ?? {};
  const sync = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change ?? 0;
  const docs = new Map();
  // As vscode-languageclient pulls: with the result id of the last report for the document, so
  // that a server may answer `unchanged` (a report of no changes is still the answer waited for).
  const resultIds = new Map();
  const pull = async (uri) => {
    const previousResultId = resultIds.get(uri);
    const report = await guard(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }), 'textDocument/diagnostic');
    if (report?.resultId) resultIds.set(uri, report.resultId);
    return report;
  };

  const server = {
    child,
    pid: child.pid,
    initMs,
    capabilities: caps,
    /** 2: incremental, 1: full, 0: none. */
    syncKind: sync,
    pullDiagnostics: !!caps.diagnosticProvider,
    get publishCount() {
      return publishCount;
    },
    published,
    guard,
    rss: (field) => rssMiB(child.pid, field),

    /** Resolves on the next publishDiagnostics for `uri` (of `version`, when the server sends versions). */
    nextPublish(uri, version) {
      return new Promise((resolve) => {
        const w = (p) => {
          if (p.uri !== uri) return;
          if (version !== undefined && p.version !== undefined && p.version !== null && p.version < version) return;
          pushWaiters.delete(w);
          resolve(p);
        };
        pushWaiters.add(w);
      });
    },

    open(uri, text, languageId = 'fengong') {
      const doc = TextDocument.create(uri, languageId, 1, text);
      docs.set(uri, doc);
      return connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text },
      });
    },

    close(uri) {
      docs.delete(uri);
      return connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },

    document(uri) {
      return docs.get(uri);
    },

    /** Sends one change (a range change); as the whole text when the server wants full sync. */
    change(uri, rangeChange) {
      const doc = docs.get(uri);
      const version = doc.version + 1;
      TextDocument.update(doc, [rangeChange], version);
      const contentChanges = sync === 2 ? [rangeChange] : [{ text: doc.getText() }];
      return {
        version,
        sent: connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges }),
      };
    },

    /** Diagnostics for the document as it now stands: pulled when the server offers pull, else awaited as push. */
    async diagnosticsAfter(uri, sendChange) {
      if (this.pullDiagnostics) {
        await sendChange();
        return pull(uri);
      }
      const version = docs.get(uri).version;
      const waiting = this.nextPublish(uri, version + 1);
      await sendChange();
      return guard(waiting, 'publishDiagnostics');
    },

    /** Initial diagnostics right after didOpen. */
    async diagnosticsOnOpen(uri, text) {
      if (this.pullDiagnostics) {
        await this.open(uri, text);
        resultIds.delete(uri);
        return pull(uri);
      }
      const waiting = this.nextPublish(uri, 1);
      await this.open(uri, text);
      return guard(waiting, 'publishDiagnostics');
    },

    request(method, params) {
      return guard(connection.sendRequest(method, params), method);
    },

    async stop() {
      if (!exited) {
        try {
          await withTimeout(connection.sendRequest('shutdown'), 3000, 'shutdown');
          await connection.sendNotification('exit');
        } catch {
          /* the server is gone or stuck: killed below */
        }
        await Promise.race([exitPromise, sleep(3000)]);
        if (!exited) {
          child.kill('SIGKILL');
          await Promise.race([exitPromise, sleep(2000)]);
        }
      }
      connection.dispose();
    },
  };
  return server;
}

export { sleep };
