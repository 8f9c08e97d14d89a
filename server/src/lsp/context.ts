// What every handler file gets: the connection, the server's state objects, what the client
// supports, and `guard`, which keeps one failing request from taking the server down.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PinyinOf } from '../engine';
import type { FileHost } from '../host/fileHost';
import { isCancelledError, throwIfCancelled, tokenOf } from './cancellation';
import type { SettingsState } from './settings';
import type { Analyses } from './state/analyses';
import type { DiagnosticsScheduler } from './state/diagnostics';
import type { Plans } from './state/plans';
import type { Registries } from './state/registries';
import type { Sources } from './state/sources';
import type { WorkspaceIndex } from './state/workspaceIndex';
import type { WorkspaceScope } from './state/workspaceScope';

/** What the client said it supports (initialize). */
export interface ClientSupport {
  configuration: boolean;
  /** Change annotations: workspace edits shown in a preview for confirmation. */
  annotations: boolean;
  /** window/workDoneProgress: the workspace scan reports its progress. */
  workDoneProgress: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  host: FileHost;
  settings: SettingsState;
  client: ClientSupport;
  /** The workspace folders' paths. */
  folders: string[];
  /** What may be read from disk: inside the folders, by real path. */
  scope: WorkspaceScope;
  registries: Registries;
  analyses: Analyses;
  index: WorkspaceIndex;
  plans: Plans;
  /** The source document each plan is compared with (coverage). */
  sources: Sources;
  diagnostics: DiagnosticsScheduler;
  /** Pinyin of Chinese text, loaded on the first completion. */
  pinyin: () => PinyinOf;
  /**
   * A handler that answers `fallback` and logs when it throws, never failing the server; a
   * request cancelled before it starts, or while it runs (cancellation.ts), is answered as cancelled.
   */
  guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R>;
}

export function guardWith(log: (message: string) => void): ServerContext['guard'] {
  return (name, fallback, fn) =>
    async (...args) => {
      try {
        // A request's second argument is its cancellation token.
        throwIfCancelled(tokenOf(args[1]));
        return await fn(...args);
      } catch (e) {
        if (isCancelledError(e)) throw e;
        log(`fengong: ${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
}
