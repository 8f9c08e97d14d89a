// Engine terms ↔ LSP terms, and URIs ↔ paths. The only place that knows both.
import type { Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from './protocolValues';
import { URI } from 'vscode-uri';
import type { Finding, LineIndex, TextEdit } from '../engine';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnosticOf(lines: LineIndex, uri: string, f: Finding): Diagnostic {
  return {
    range: lines.rangeOf(f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'fengong',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri, range: lines.rangeOf(r.span) }, message: r.message })),
    // No offsets in `data` (code actions find their findings by range): offsets shift with every
    // keystroke before them, so no report could be `unchanged` and the editor redrew them all.
  };
}

export function textEditsOf(lines: LineIndex, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText }));
}

/** A file: URI's path; undefined for any other scheme (untitled:, vscode-vfs:). */
export function fsPathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function fileUriOf(path: string): string {
  return URI.file(path).toString();
}
