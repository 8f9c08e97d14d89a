// Custom requests behind the client's Agencies view, the responsibility matrix and the export
// commands (AgenciesRequest, MatrixRequest, ExportTableRequest, ExportMatrixRequest in
// protocol.ts). Each maps to one engine call; offsets become LSP ranges here and nowhere else.
import { basename } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { type Analysis, agencyMatrix, agencyRows, taskAt, type AgencyRow, type ExportPlan } from '../engine';
import {
  AgenciesRequest,
  ExportMatrixRequest,
  ExportTableRequest,
  MatrixRequest,
  type AgenciesParams,
  type AgenciesResult,
  type ExportParams,
  type ExportResult,
  type MatrixResult,
  type ViewAgency,
  type ViewTask,
} from '../protocol';
import { exportMatrix, exportTable, isExportFormat } from '../sheets';

/** What the views need of the server's state (Plans; a stand-in in tests). */
export interface ViewAnalyses {
  /** One plan: an open document's current analysis, or an indexed file's. */
  analysisFor(uri: string): Promise<Analysis | undefined>;
  /** Every plan in the workspace, open documents first. */
  all(): Promise<Iterable<[string, Analysis]>>;
}

/** The slice of the LSP connection used here (a fake one in tests). */
export type ViewConnection = Pick<Connection, 'onRequest' | 'console'>;

function viewAgency(row: AgencyRow, lookup: (doc: string) => { uri: string; analysis: Analysis } | undefined): ViewAgency {
  const tasks: ViewTask[] = [];
  for (const t of row.tasks) {
    const plan = lookup(t.doc);
    if (!plan) continue;
    const deadline = taskAt(plan.analysis.model, t.nameSpan.start)?.deadline?.text;
    tasks.push({ uri: plan.uri, range: plan.analysis.model.lines.rangeOf(t.nameSpan), number: t.number, name: t.name, role: t.role, line: t.line, chapter: t.chapter, ...(deadline ? { deadline } : {}) });
  }
  const { cells: _cells, tasks: _tasks, ...counts } = row;
  return { ...counts, tasks };
}

/** The Agencies view: one plan, or every plan of the workspace merged. */
export async function agenciesOf(analyses: ViewAnalyses, params: AgenciesParams): Promise<AgenciesResult> {
  const scope = params.scope === 'workspace' ? 'workspace' : 'document';
  const plans = new Map<string, Analysis>();
  if (scope === 'workspace') {
    for (const [uri, a] of await analyses.all()) plans.set(uri, a);
  } else if (params.uri) {
    const a = await analyses.analysisFor(params.uri);
    if (a) plans.set(params.uri, a);
  }
  const rows = agencyRows([...plans].map(([uri, a]) => ({ doc: uri, model: a.model, registry: a.registry })));
  const lookup = (uri: string) => {
    const analysis = plans.get(uri);
    return analysis && { uri, analysis };
  };
  return { scope, plans: plans.size, agencies: rows.map((r) => viewAgency(r, lookup)) };
}

/** The responsibility matrix of one plan: agencies against chapters. */
export async function matrixOf(analyses: ViewAnalyses, uri: string): Promise<MatrixResult | null> {
  const analysis = await analyses.analysisFor(uri);
  if (!analysis) return null;
  const m = agencyMatrix(analysis.model, analysis.registry);
  const lookup = () => ({ uri, analysis });
  return {
    uri,
    title: analysis.model.title?.text ?? null,
    chapters: m.chapters,
    rows: m.rows.map((r) => ({ ...viewAgency(r, lookup), cells: r.cells })),
  };
}

function exportPlan(uri: string, analysis: Analysis): ExportPlan {
  let path = uri;
  try {
    path = basename(URI.parse(uri).path) || uri;
  } catch {
    // keep the URI
  }
  return { path, model: analysis.model, registry: analysis.registry };
}

export async function exportOf(analyses: ViewAnalyses, params: ExportParams, what: 'table' | 'matrix'): Promise<ExportResult | null> {
  const analysis = await analyses.analysisFor(params.uri);
  if (!analysis || !isExportFormat(params.format)) return null;
  const plans = [exportPlan(params.uri, analysis)];
  const locale = params.locale === 'en' ? 'en' : 'zh-cn';
  const out = what === 'table' ? await exportTable(plans, params.format, locale) : await exportMatrix(plans, params.format, locale);
  return typeof out === 'string' ? { text: out } : { base64: Buffer.from(out).toString('base64') };
}

export function registerViewRequests(connection: ViewConnection, analyses: ViewAnalyses): void {
  // One failing request is logged and answered empty, never fatal.
  const guarded =
    <P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await fn(params);
      } catch (e) {
        connection.console.error(`fengong: ${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
  connection.onRequest(AgenciesRequest, guarded('agencies', { scope: 'document', plans: 0, agencies: [] } as AgenciesResult, (p: AgenciesParams) => agenciesOf(analyses, p ?? {})));
  connection.onRequest(MatrixRequest, guarded('matrix', null as MatrixResult | null, (p) => matrixOf(analyses, p.uri)));
  connection.onRequest(ExportTableRequest, guarded('exportTable', null as ExportResult | null, (p: ExportParams) => exportOf(analyses, p, 'table')));
  connection.onRequest(ExportMatrixRequest, guarded('exportMatrix', null as ExportResult | null, (p: ExportParams) => exportOf(analyses, p, 'matrix')));
}
