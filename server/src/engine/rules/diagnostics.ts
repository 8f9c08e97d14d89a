// Findings over a resolved model. Each check is a small function; the rule table (rules.ts)
// gives the message and default severity, the settings may override severities.
import type { Clause, Heading, Party, PlanModel } from '../model';
import { findingOf, messageOf, RULES, type Finding, type Locale, type RuleCode, type SeverityOverrides } from './rules';
import { isBefore, parseDate, type Agency, type Registry } from '../registry/registry';
import type { Span } from '../text';
import { formatChineseNumeral } from '../parse/numerals';
import { numberingScope } from '../features/renumber';
import { NameIndex } from './consistency';

export type { Finding };

export const MAX_FINDINGS = 2000;

export interface CheckOptions {
  /** Findings past this many are summed up in one `engine.limit` finding. */
  maxFindings?: number;
  /** The registry in effect; undefined when none fits the document. */
  registry?: Registry;
  severities?: SeverityOverrides;
  locale?: Locale;
  /** The names index of the previous analysis of this plan, brought up to date (consistency.ts). */
  names?: NameIndex;
}

export function checkPlan(model: PlanModel, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const add: Add = (code, span, args = {}, related, data) => {
    const f = findingOf(code, span, args, options, related, data);
    if (f) out.push(f);
  };

  for (const task of model.tasks) {
    if (!task.clause) add('clause.missing', task.nameSpan.end > task.nameSpan.start ? task.nameSpan : task.span);
  }

  const registry = options.registry;
  // Suggestions cost a pass over the registry: once per name, and only for the first few hundred.
  const near = new Map<string, string[]>();
  const nearest = (name: string): string[] => {
    let n = near.get(name);
    if (n === undefined) near.set(name, (n = near.size < 300 && registry ? registry.nearest(name) : []));
    return n;
  };
  // A clause's findings depend on the clause, the registry and the settings only: a clause reused
  // from an unchanged line keeps its findings (their spans are the clause's own, moved with it).
  const key = settingsKey(options);
  for (const clause of model.clauses) {
    const cached = clause.findings;
    if (cached && cached.key === key && cached.registry === registry) {
      for (const f of cached.list as Finding[]) out.push(f);
      continue;
    }
    const from = out.length;
    clauseFindings(clause, registry, add, nearest);
    clause.findings = { key, registry, list: out.slice(from) };
  }

  checkNumbering(model, add);
  checkDeadlines(model, add);
  // One body under two names in the plan: a hint on each less used name (the index follows the clauses).
  const names = options.names && options.names.registry === registry ? options.names : new NameIndex(registry);
  names.update(model.clauses);
  for (const { party, keep } of names.misnamed()) add('agency.alias', party.span, { written: party.written, agency: keep });
  // A limit the user can see: past it, one finding says how many were left out.
  const limit = options.maxFindings ?? MAX_FINDINGS;
  if (out.length > limit) {
    const skipped = out.length - limit;
    out.length = limit;
    // Never switched off by the settings: a limit must stay visible.
    const args = { shown: String(limit), skipped: String(skipped) };
    out.push({ code: 'engine.limit', severity: RULES.get('engine.limit')!.severity, message: messageOf('engine.limit', args, options.locale), span: { start: 0, end: 0 }, args });
  }
  return out;
}

type Add = (code: RuleCode, span: Span, args?: Record<string, string>, related?: Finding['related'], data?: Finding['data']) => void;

const keys = new WeakMap<object, Map<string, object>>();
const DEFAULT_SEVERITIES = {};

/** One object per (severities, locale): cached findings are valid while it is the same. */
function settingsKey(options: CheckOptions): object {
  const sev = options.severities ?? DEFAULT_SEVERITIES;
  let byLocale = keys.get(sev);
  if (!byLocale) keys.set(sev, (byLocale = new Map()));
  const locale = options.locale ?? 'both';
  let key = byLocale.get(locale);
  if (!key) byLocale.set(locale, (key = {}));
  return key;
}

// Plain loops: this runs on every keystroke over every clause that changed.
function clauseFindings(clause: Clause, registry: Registry | undefined, add: Add, nearest: (name: string) => string[]): void {
  if (clause.unclosed) add('clause.unclosed', clause.openSpan ?? clause.span, { open: clause.open ?? '(' });
  if (clause.mismatched && clause.openSpan && clause.closeSpan) {
    add('clause.mismatched-brackets', clause.closeSpan, { open: clause.open ?? '', close: clause.close ?? '' }, [{ span: clause.openSpan, message: clause.open ?? '' }]);
  }
  const parties = clause.parties;
  if (parties.length === 0 && clause.officials.length === 0) {
    add('clause.empty', clause.span);
    return;
  }
  let hasLead = false;
  let hasCooperating = false;
  for (let i = 0; i < parties.length; i++) {
    if (parties[i].role === 'cooperating') hasCooperating = true;
    else hasLead = true;
  }
  if (!hasLead && hasCooperating) add('clause.no-lead', clause.span);

  const seen = parties.length > 32 ? new Map<string, Party>() : undefined;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i];
    if (p.collective) continue;
    if (registry && !p.agency && !registry.isIgnored(p.name) && !registry.isIgnored(p.written)) {
      const near = nearest(p.name);
      add('agency.unknown', p.span, { name: p.name, near: near.join('、') }, undefined, { suggestions: near });
    }
    const agency = registry && p.agencyId ? registry.byIdOf(p.agencyId) : undefined;
    if (agency && registry!.standing(agency) === 'superseded') superseded(p, agency, add);
    // The same agency earlier in this clause: a scan for real clauses, a map for huge ones.
    const key = p.agency ?? p.name;
    let q: Party | undefined;
    if (seen) {
      q = seen.get(key);
      if (!q) seen.set(key, p);
    } else {
      for (let j = 0; j < i && !q; j++) if (!parties[j].collective && (parties[j].agency ?? parties[j].name) === key) q = parties[j];
    }
    if (q) {
      const leadAndCoop = (q.role === 'lead') !== (p.role === 'lead') && (q.role === 'cooperating' || p.role === 'cooperating');
      add(leadAndCoop ? 'agency.lead-and-cooperating' : 'agency.duplicate', p.span, { agency: key }, [{ span: q.span, message: key }]);
    }
  }
}

/** A name abolished or renamed before the plan's date: the successor and the reform that did it. */
function superseded(p: Party, agency: Agency, add: Add): void {
  const successors = agency.successors;
  const how = successors.length === 1 ? successors[0].kind : successors.length > 1 ? 'split' : '';
  const successor = how === 'split' ? successors.map((s) => `“${s.name}”${s.part ? `（${s.part}）` : ''}`).join('、') : (successors[0]?.name ?? '');
  add('agency.superseded', p.span, { name: p.name, until: agency.until ?? '', untilZh: untilText(agency.until), reform: agency.reform ?? '', how, successor }, undefined, { successor: successors.map((s) => s.name) });
}

function untilText(until: string | undefined): string {
  const m = until ? /^(\d{4})(?:-(\d{2}))?/.exec(until) : null;
  return m ? `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}` : '';
}

/** Numbers run 1, 2, 3 within their scope: chapters over the document, sections per the document's scheme, items per parent. */
function checkNumbering(model: PlanModel, add: Add): void {
  const last = new Map<string, number>();
  // The same scopes renumbering uses, so a renumbered document has no numbering finding.
  const scopeKey = (_h: Heading, index: number): string => numberingScope(model, index);
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

/** A deadline earlier than the plan's own date (a month read in the wrong year, a copied old plan). */
function checkDeadlines(model: PlanModel, add: Add): void {
  const plan = model.date?.date;
  if (!plan) return;
  const date = [plan.year, plan.month, plan.day].filter((x) => x !== undefined).map((x, i) => (i ? String(x).padStart(2, '0') : String(x))).join('-');
  const dateZh = `${plan.year}年${plan.month ? `${plan.month}月` : ''}${plan.month && plan.day ? `${plan.day}日` : ''}`;
  let last = -1; // a deadline a table row takes from the row above is reported once
  for (const t of model.tasks) {
    const d = t.deadline;
    const due = d?.date && d.date !== 'ongoing' ? parseDate(d.date) : undefined;
    if (!d || !due || d.span.start === last || !isBefore(due, plan)) continue;
    last = d.span.start;
    add('deadline.before-document', d.span, { deadline: d.text, due: d.date!, date, dateZh });
  }
}
