// A real LSP client against the server: the bundled dist/server.js over stdio, or the server
// in this process (createServer) over an in-memory connection, on Node's file host or any other.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type RequestParam,
  type RequestType,
} from 'vscode-languageserver-protocol/node';
import type { FileHost } from '../../server/src/host/fileHost';
import { nodeFileHost } from '../../server/src/node/host';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { createServer } from '../../server/src/server';
import { ROOT } from '../helpers';

export type Transport = 'in-process' | 'stdio';
/** Every LSP suite runs over both: in-process (fast, no bundle) and stdio (the bundle users run). */
export const TRANSPORTS: Transport[] = ['in-process', 'stdio'];

export interface Options {
  pull?: boolean;
  root?: string;
  settings?: unknown;
  transport?: Transport;
  /** In-process only: the server's file host (Node's by default). */
  host?: FileHost;
  /** The editor's display language (initialize's `locale`); Chinese, as the drafters' editors, by default. */
  locale?: string;
}

/** The server in this process, its two ends joined by in-memory streams. */
function inProcess(host: FileHost): { conn: ProtocolConnection; close: () => void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader and writer objects, not streams: Node's createConnection exits the process when a stream it was given ends.
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  createServer(server, host, { pinyin: () => (s) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) });
  server.listen();
  const conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    conn,
    close: () => {
      server.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

export class LspClient {
  /** The workspace edits the server asked the client to apply. */
  readonly applied: unknown[] = [];
  readonly conn: ProtocolConnection;
  readonly transport: Transport;
  private readonly proc?: ChildProcess;
  private readonly close?: () => void;
  private closed = false;
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  /** How many publishDiagnostics have arrived, in all. */
  pushCount = 0;
  readonly status = new Map<string, StatusParams>();
  private versions = new Map<string, number>();
  private waiters: (() => void)[] = [];
  stderr = '';
  /** window/logMessage from the server: a failing handler logs here. */
  readonly logs: string[] = [];
  /** $/progress from the server (the workspace scan's), in order. */
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];

  constructor(private readonly options: Options = {}) {
    this.transport = options.transport ?? 'stdio';
    if (this.transport === 'stdio') {
      this.proc = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.proc.stderr!.on('data', (d) => (this.stderr += d));
      this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    } else {
      const p = inProcess(options.host ?? nodeFileHost());
      this.conn = p.conn;
      this.close = p.close;
    }
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p);
      this.pushCount++;
      this.wake();
    });
    this.conn.onNotification(StatusNotification, (s) => void this.status.set(s.uri, s));
    this.conn.onNotification('window/logMessage', (m: { type: number; message: string }) => void this.logs.push(m.message));
    this.conn.onRequest('workspace/configuration', () => [options.settings ?? {}]);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('$/progress', (p: LspClient['progress'][number]) => void this.progress.push(p));
    // The server's own edits (Renumber, Repair plan): kept for the test to read, reported applied.
    this.conn.onRequest('workspace/applyEdit', (params: unknown) => {
      this.applied.push(params);
      return { applied: true };
    });
    this.conn.listen();
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async start(): Promise<Record<string, unknown>> {
    const caps: ClientCapabilities = {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceEdit: { documentChanges: true, changeAnnotationSupport: {} } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        diagnostic: this.options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        completion: { completionItem: { snippetSupport: true } },
        rename: { prepareSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    };
    const root = this.options.root;
    const result = await this.conn.sendRequest('initialize', {
      // In-process the server must not watch for its parent: that is this process.
      processId: this.transport === 'stdio' ? process.pid : null,
      rootUri: root ? pathToFileURL(root).toString() : null,
      workspaceFolders: root ? [{ uri: pathToFileURL(root).toString(), name: 'ws' }] : null,
      capabilities: caps,
      locale: this.options.locale ?? 'zh-cn',
      initializationOptions: { settings: this.options.settings ?? {} },
    });
    await this.conn.sendNotification('initialized', {});
    return (result as { capabilities: Record<string, unknown> }).capabilities;
  }

  async open(uri: string, text: string, languageId = 'fengong'): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Incremental edit: replace [start, end) (positions) with text. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Several incremental changes in one notification, each on the text the ones before it left. */
  async editMany(uri: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** A fengong request, typed by protocol.ts. */
  send<P, R>(type: RequestType<P, R, void>, params: NoInfer<P>): Promise<R> {
    return this.conn.sendRequest<P, R, void>(type, params as RequestParam<P>);
  }

  /** A standard LSP request by its method name (`textDocument/hover`). */
  request<R>(method: `${'textDocument' | 'workspace'}/${string}`, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** Pull diagnostics, or wait for pushed diagnostics of at least `version`. */
  async diagnostics(uri: string, version?: number): Promise<{ code: string; severity: number; message: string; range: { start: { line: number; character: number } } }[]> {
    if (this.options.pull) {
      const r = await this.request<{ items: never[] }>('textDocument/diagnostic', { textDocument: { uri } });
      return r.items;
    }
    const deadline = Date.now() + 10_000;
    for (;;) {
      const p = this.pushed.get(uri);
      if (p && (version === undefined || (p.version ?? 0) >= version)) return p.diagnostics as never[];
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // In-process, `exit` would end this process: the connection is closed instead.
      if (this.proc) await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc?.kill();
    this.close?.();
    this.closed = true;
  }

  get alive(): boolean {
    return this.proc ? this.proc.exitCode === null && !this.proc.killed : !this.closed;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}
