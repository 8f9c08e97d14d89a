// Findings over a resolved model. Each check is a small function; the rule table (rules.ts)
// gives the message and default severity, the settings may override severities.
import type { Heading, PlanModel } from './model';
import { messageOf, severityOf, type Locale, type Severity } from './rules';
import type { Registry } from './registry';
import type { Span } from './text';
import { formatChineseNumeral } from './numerals';

export interface Finding {
  code: string;
  severity: Exclude<Severity, 'ignore'>;
  message: string;
  span: Span;
  args: Record<string, string>;
  /** Other places that explain this finding (the first of a duplicate pair). */
  related?: { span: Span; message: string }[];
}

export interface CheckOptions {
  /** The registry in effect; undefined when none fits the document. */
  registry?: Registry;
  /** True when no registry file applies and no preset fitted: say so once. */
  noRegistry?: boolean;
  severities?: Partial<Record<string, Severity>>;
  locale?: Locale;
}

export function checkPlan(model: PlanModel, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const add = (code: string, span: Span, args: Record<string, string> = {}, related?: Finding['related']) => {
    const severity = severityOf(code, options.severities);
    if (severity === 'ignore') return;
    out.push({ code, severity, message: messageOf(code, args, options.locale), span, args, related });
  };

  for (const task of model.tasks) {
    if (!task.clause) add('clause.missing', task.nameSpan.end > task.nameSpan.start ? task.nameSpan : task.span);
  }

  const registry = options.registry;
  // Plain loops: this runs on every keystroke over every clause.
  for (const clause of model.clauses) {
    if (clause.unclosed) add('clause.unclosed', { start: clause.span.start, end: clause.span.start + 1 }, { open: clause.open ?? '(' });
    if (clause.mismatched) {
      const openSpan = { start: clause.span.start, end: clause.span.start + 1 };
      add('clause.mismatched-brackets', { start: clause.span.end - 1, end: clause.span.end }, { open: clause.open ?? '', close: clause.close ?? '' }, [{ span: openSpan, message: clause.open ?? '' }]);
    }
    const parties = clause.parties;
    if (parties.length === 0 && clause.officials.length === 0) {
      add('clause.empty', clause.span);
      continue;
    }
    let hasLead = false;
    let hasCooperating = false;
    for (let i = 0; i < parties.length; i++) {
      const role = parties[i].role;
      if (role === 'cooperating') hasCooperating = true;
      else hasLead = true;
    }
    if (!hasLead && hasCooperating) add('clause.no-lead', clause.span);

    for (let i = 0; i < parties.length; i++) {
      const p = parties[i];
      if (p.collective) continue;
      if (registry && !p.agency && !registry.isIgnored(p.name) && !registry.isIgnored(p.written)) {
        add('agency.unknown', p.span, { name: p.name, near: registry.nearest(p.name).join('、') });
      }
      if (registry && p.agency && p.name !== p.agency) {
        add('agency.alias', p.span, { written: p.written, agency: p.agency });
      }
      // The same agency earlier in this clause (clauses are short: a scan beats a map).
      const key = p.agency ?? p.name;
      for (let j = 0; j < i; j++) {
        const q = parties[j];
        if (q.collective || (q.agency ?? q.name) !== key) continue;
        const leadAndCoop = (q.role === 'lead') !== (p.role === 'lead') && (q.role === 'cooperating' || p.role === 'cooperating');
        add(leadAndCoop ? 'agency.lead-and-cooperating' : 'agency.duplicate', p.span, { agency: key }, [{ span: q.span, message: key }]);
        break;
      }
    }
  }

  checkNumbering(model, add);
  if (options.noRegistry && model.clauses.length) add('registry.none', model.clauses[0].span);
  return out;
}

type Add = (code: string, span: Span, args?: Record<string, string>) => void;

/** Numbers run 1, 2, 3 within their scope: chapters over the document, sections per the document's scheme, items per parent. */
function checkNumbering(model: PlanModel, add: Add): void {
  const last = new Map<string, number>();
  const scopeKey = (h: Heading, index: number): string => {
    if (h.kind === 'chapter') return 'chapter';
    if (h.kind === 'section') {
      if (model.sectionNumbering === 'run-on') return 'section';
      return `section@${nearest(model, index, 1)}`;
    }
    return `${h.kind}@${h.parent ?? -1}`;
  };
  model.headings.forEach((h, i) => {
    const key = scopeKey(h, i);
    const prev = last.get(key) ?? 0;
    const expected = prev + 1;
    const fmt = (n: number) => (h.kind === 'chapter' || h.kind === 'section' ? formatChineseNumeral(n) : String(n));
    const args = { expected: fmt(expected), actual: h.numberText };
    if (h.number === prev) add('numbering.duplicate', h.markerSpan, args);
    else if (h.number < prev) add('numbering.order', h.markerSpan, args);
    else if (h.number > expected) add('numbering.gap', h.markerSpan, args);
    last.set(key, h.number);
  });
}

/** Index of the nearest enclosing heading at `level`, or -1. */
function nearest(model: PlanModel, index: number, level: number): number {
  let i: number | undefined = model.headings[index].parent;
  while (i !== undefined && model.headings[i].level > level) i = model.headings[i].parent;
  return i ?? -1;
}
