// Messages between the matrix panel (extension host) and its webview script. No imports: the
// webview is a program of its own (lib DOM, no Node), and takes nothing else with it. The
// panel sends protocol.ts's MatrixResult, which the compiler checks against MatrixData.

export type Role = 'lead' | 'cooperating' | 'responsible';

export interface MatrixCell {
  lead: number;
  cooperating: number;
  responsible: number;
}

export interface MatrixData {
  title: string | null;
  chapters: { number: string; label: string }[];
  rows: { agency: string; aliases: string[]; unknown: boolean; lead: number; cooperating: number; responsible: number; cells: MatrixCell[] }[];
}

/** The page's words in the display language (vscode.l10n in the panel); {0}, {1} … are filled in by the page. */
export interface MatrixStrings {
  title: string;
  filter: string;
  export: string;
  legend: string;
  empty: string;
  /** {0} of {1} agencies */
  summary: string;
  agency: string;
  lead: string;
  leadTitle: string;
  cooperating: string;
  cooperatingTitle: string;
  responsible: string;
  responsibleTitle: string;
  alsoWritten: string;
  notInRegistry: string;
  /** After a cell's responsible count. */
  responsibleMark: string;
  /** {0} chapter, {1} lead, {2} cooperating */
  cellTitle: string;
  /** {0} chapter, {1} lead, {2} cooperating, {3} responsible */
  cellTitleResponsible: string;
}

export type ToWebview = { type: 'data'; file: string; matrix: MatrixData | null; strings: MatrixStrings };

export type FromWebview =
  | { type: 'ready' }
  /** After each drawing: how many agency rows the page shows (the real-editor test reads it). */
  | { type: 'rendered'; rows: number }
  | { type: 'open'; agency: string; chapter: number; role?: Role }
  | { type: 'export' };
