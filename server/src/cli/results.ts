// What a check run found, as every output format reads it.
import type { FileReport, ReportDiagnostic } from '../engine';

export interface ProjectReport {
  /** The project file's path as shown. */
  path: string;
  diagnostics: ReportDiagnostic[];
}

export interface Checked {
  /** Each plan's report (with --quiet, errors only). */
  files: FileReport[];
  /** Project files with findings of their own, located in them. */
  projects: ProjectReport[];
  /** Counted before --quiet: --max-warnings counts every warning. */
  counts: { errors: number; warnings: number; others: number };
  /** One line per path or project file that could not be read. */
  unreadable: string[];
}
