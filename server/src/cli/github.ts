// `check --format github`: GitHub Actions workflow commands, one annotation per finding
// (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=code::message`), shown on the
// lines of the pull request; then the summary as a plain line.
import type { ReportDiagnostic } from '../engine';
import type { Checked } from './results';
import { summary } from './text';
import type { Say } from './say';

// The escaping of GitHub's runner (toolkit's command.ts): data, and property values besides.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<ReportDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function annotation(path: string, d: ReportDiagnostic): string {
  const props = [`file=${property(path)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${property(d.code)}`];
  return `::${COMMAND[d.severity]} ${props.join(',')}::${data(d.message)}`;
}

export function githubOutput(checked: Checked, say: Say): string {
  const out: string[] = [];
  for (const p of checked.projects) for (const d of p.diagnostics) out.push(annotation(p.path, d));
  for (const f of checked.files) for (const d of f.diagnostics) out.push(annotation(f.path, d));
  out.push(summary(checked, say));
  return out.join('\n') + '\n';
}
