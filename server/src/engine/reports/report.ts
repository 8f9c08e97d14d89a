// The checker's JSON contract: plain data with 1-based lines and UTF-16 columns.
import type { Analysis } from '../analyze';
import { buildOutline, type OutlineNode } from '../features/outline';
import type { Finding } from '../rules/diagnostics';
import type { LineIndex, Span } from '../text';
import type { Deadline } from '../model';
import { placeName } from '../registry/places';

export interface ReportOutline {
  kind: OutlineNode['kind'];
  number: string;
  title: string;
  line: number;
  children: ReportOutline[];
}

export interface ReportTask {
  line: number;
  column: number;
  title: string;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  parties: { name: string; written: string; role: string; agency: string | null }[];
  /** As written, and the date it names (`2024-12`, `2024`, `ongoing`; null when it names none the plan lets us read). */
  deadline: { text: string; date: string | null; line: number; column: number } | null;
}

export interface ReportDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
  /** agency.unknown: the nearest registry names, best first. */
  suggestions?: string[];
  /** agency.superseded: the bodies that took over. */
  successor?: string[];
}

export interface FileReport {
  path: string;
  title: string | null;
  /** The place and date the agencies were checked for (null when the plan names none). */
  place: string | null;
  date: string | null;
  outline: ReportOutline[];
  tasks: ReportTask[];
  diagnostics: ReportDiagnostic[];
}

export function diagnosticOf(lines: LineIndex, f: Finding): ReportDiagnostic {
  const r = lines.rangeOf(f.span);
  return {
    line: r.start.line + 1,
    column: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.data?.suggestions ? { suggestions: f.data.suggestions } : {}),
    ...(f.data?.successor ? { successor: f.data.successor } : {}),
  };
}

function outlineOf(nodes: OutlineNode[]): ReportOutline[] {
  return nodes.map((n) => ({ kind: n.kind, number: n.number, title: n.title, line: n.line + 1, children: outlineOf(n.children) }));
}

function deadlineOf(d: Deadline | undefined, at: (span: Span) => { line: number; character: number }): ReportTask['deadline'] {
  if (!d) return null;
  const pos = at(d.span);
  return { text: d.text, date: d.date ?? null, line: pos.line + 1, column: pos.character + 1 };
}

export function fileReport(path: string, analysis: Analysis): FileReport {
  const { model } = analysis;
  const at = (span: Span) => model.lines.positionAt(span.start);
  return {
    path,
    title: model.title?.text ?? null,
    place: placeName(analysis.place) ?? null,
    date: model.date ? [model.date.date.year, model.date.date.month, model.date.date.day].filter((x) => x !== undefined).map((x, i) => (i ? String(x).padStart(2, '0') : String(x))).join('-') : null,
    outline: outlineOf(buildOutline(model)),
    tasks: model.tasks
      .filter((t) => t.clause)
      .map((t) => {
        const parties = t.clause!.parties;
        const names = (role: string) => parties.filter((p) => p.role === role).map((p) => p.name);
        const pos = at(t.clause!.span);
        return {
          line: pos.line + 1,
          column: pos.character + 1,
          title: t.name,
          lead: names('lead'),
          cooperating: names('cooperating'),
          responsible: names('responsible'),
          parties: parties.map((p) => ({ name: p.name, written: p.written, role: p.role, agency: p.agency ?? null })),
          deadline: deadlineOf(t.deadline, at),
        };
      }),
    diagnostics: analysis.findings.map((f) => diagnosticOf(model.lines, f)),
  };
}
