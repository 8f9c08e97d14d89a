// The fengong protocol: every request and notification beyond LSP, typed once, with the
// commands the server executes and the ones the client contributes. Imported by the server,
// the client and the tests; types and message identities only (no logic), so the client's
// bundle takes nothing of the server with it.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { AgencyRow, ChapterColumn, HeaderLocale, Range, TaskRef } from './engine';
import type { ExportFormat } from './sheets';

export type { ExportFormat, HeaderLocale };

// ---- status: after each analysis of an open plan ----

export interface StatusParams {
  uri: string;
  /** The registry in effect for a person (`national + 广东省`, a file's path), or null when none fits. */
  registry: string | null;
  /** The place and year the plan's agencies are checked for (null: national, undated). */
  place: string | null;
  year: number | null;
  registryAgencies: number;
  agencies: number;
  tasks: number;
  clauses: number;
  /** The workspace index, when the server has one: a scan under way, or a limit that left plan files out. */
  index?: IndexStatus;
}

export interface IndexStatus {
  /** Plan files in the workspace index (files not open). */
  files: number;
  scanning: boolean;
  /** Set when the workspace holds more files that may be plans than the index reads (its limit). */
  limit?: number;
}
export const StatusNotification = new NotificationType<StatusParams>('fengong/status');

// ---- the registry ----

export interface UriParams {
  uri: string;
}

export interface RegistryFromDocumentResult {
  /** A fengong.registry.json with the document's unknown agencies as entries. */
  text: string;
  /** Where to write it when the document is in no workspace folder. */
  folder: string | null;
}
export const RegistryFromDocumentRequest = new RequestType<UriParams, RegistryFromDocumentResult | null, void>('fengong/registryFromDocument');

// ---- coverage: a plan against its source document (上位文件) ----

export interface CompareWithSourceParams {
  uri: string;
  /** The source document's path; null: back to the project file's `source`. */
  source: string | null;
}

export interface CompareWithSourceResult {
  /** The source in effect (null: none). */
  source: string | null;
  /** Why it cannot be used, for the user. */
  error?: string;
  ratio?: number;
  assigned?: number;
  total?: number;
  unassigned?: number;
  unsourced?: number;
  /** The unassigned measures with their place in the source (0-based line), the first 2,000: what the client lists. */
  measures?: { line: number; character: number; text: string }[];
}
export const CompareWithSourceRequest = new RequestType<CompareWithSourceParams, CompareWithSourceResult | null, void>('fengong/compareWithSource');

// ---- for tests ----

export interface StatsResult {
  /** How many analyses ran: a version is analysed once however many requests ask. */
  analyses: number;
  /** Plan files on disk that are not open, in the workspace index. */
  indexed: number;
  /** The index is scanning the workspace. */
  indexing: boolean;
  pid: number;
}
export const StatsRequest = new RequestType<Record<string, never>, StatsResult, void>('fengong/stats');

/** The server's text of an open document (null when it has none): it must never drift from the client's. */
export const DocumentTextRequest = new RequestType<UriParams, string | null, void>('fengong/documentText');

// ---- the Agencies view, the responsibility matrix, the exports ----

export interface ViewTask {
  uri: string;
  /** The task's name in the document: what a click reveals. */
  range: Range;
  number: string;
  name: string;
  role: TaskRef['role'];
  line: number;
  /** Column in `MatrixResult.chapters` (matrix only). */
  chapter: number;
  /** The task's deadline as written (2024年底前完成, 持续推进), when its clause names one. */
  deadline?: string;
}

/** An engine agency row, its tasks located for the editor. */
export type ViewAgency = Omit<AgencyRow, 'cells' | 'tasks'> & { tasks: ViewTask[] };

export type AgenciesScope = 'document' | 'workspace';

export interface AgenciesParams {
  uri?: string;
  scope?: AgenciesScope;
}

export interface AgenciesResult {
  scope: AgenciesScope;
  /** How many plans the rows come from. */
  plans: number;
  agencies: ViewAgency[];
}
export const AgenciesRequest = new RequestType<AgenciesParams, AgenciesResult, void>('fengong/agencies');

export interface MatrixRow extends ViewAgency {
  cells: { lead: number; cooperating: number; responsible: number }[];
}

export interface MatrixResult {
  uri: string;
  title: string | null;
  chapters: ChapterColumn[];
  rows: MatrixRow[];
}
export const MatrixRequest = new RequestType<UriParams, MatrixResult | null, void>('fengong/matrix');

export interface ExportParams {
  uri: string;
  format: ExportFormat;
  locale?: HeaderLocale;
}

/** Text formats as text, xlsx as base64. */
export interface ExportResult {
  text?: string;
  base64?: string;
}
export const ExportTableRequest = new RequestType<ExportParams, ExportResult | null, void>('fengong/exportTable');
export const ExportMatrixRequest = new RequestType<ExportParams, ExportResult | null, void>('fengong/exportMatrix');

// ---- Word in, Word out ----
// A file that is no .docx, or a plan that cannot be read, is answered with an InvalidParams
// error whose message is for the user; anything else with InternalError.

export interface ImportDocxParams {
  base64: string;
}
export interface ImportDocxResult {
  text: string;
  /** What could not be carried over. */
  warnings: string[];
}
export const ImportDocxRequest = new RequestType<ImportDocxParams, ImportDocxResult, void>('fengong/importDocx');

export interface ExportDocxParams {
  uri: string;
  withTable?: boolean;
}
export interface ExportDocxResult {
  base64: string;
  warnings: string[];
}
export const ExportDocxRequest = new RequestType<ExportDocxParams, ExportDocxResult, void>('fengong/exportDocx');

// ---- commands ----

/** Commands the server executes (workspace/executeCommand); their one argument is the document's URI. */
export const ServerCommands = {
  /** Renumber chapters, sections and items; references to renumbered headings shown for confirmation. */
  renumber: 'fengong.server.renumber',
  /** Repair the plan: every safe fix, formatting and renumbering (`repairPlan`). */
  repair: 'fengong.server.fixAll',
} as const;

/** What a server command answers. */
export interface CommandResult {
  /** Edits made (0: nothing to do). */
  changed: number;
  /** References to renumbered headings the user should check. */
  references?: number;
  /** Repair plan: how many edits each step made. */
  counts?: { fixes: number; format: number; renumber: number };
}

/**
 * What a workspace edit the server offers did, for the client to tell the user once the editor
 * has applied it (a code action's command, ReportCommand): a name written into a registry file,
 * or the fixes of "fix all".
 */
export type Report =
  | { kind: 'registry'; name: string; file: string; created: boolean; aliases?: string[] }
  | { kind: 'fixed'; fixes: number };

/** Registered by the client, not in the palette: tells the user what an applied edit did. */
export const ReportCommand = 'fengong.report';

/** The commands the client contributes (package.json contributes.commands) and registers. */
export const ClientCommands = {
  createRegistry: 'fengong.createRegistry',
  compareWithSource: 'fengong.compareWithSource',
  openRegistry: 'fengong.openRegistry',
  restartServer: 'fengong.restartServer',
  showOutput: 'fengong.showOutput',
  setLanguage: 'fengong.setLanguage',
  newPlan: 'fengong.newPlan',
  renumber: 'fengong.renumber',
  repair: 'fengong.fixAll',
  agenciesRefresh: 'fengong.agencies.refresh',
  agenciesShowWorkspace: 'fengong.agencies.showWorkspace',
  agenciesShowDocument: 'fengong.agencies.showDocument',
  showMatrix: 'fengong.showMatrix',
  exportTable: 'fengong.exportTable',
  exportMatrix: 'fengong.exportMatrix',
  importWord: 'fengong.importWord',
  exportWord: 'fengong.exportWord',
} as const;

/** Registered by the client but not in the palette: a click in the Agencies view. */
export const RevealTaskCommand = 'fengong.agencies.reveal';
