// The parser: text → document model, as stages that each read the previous stage's output once:
//   lines.ts     text → non-blank lines (noise? heading?), reused from the last analysis
//   title.ts     the lines before the first heading → title (and preamble)
//   convention   the notice or preamble says the first-listed unit leads
//   tasks.ts     lines → paragraphs, headings, tasks and their clauses (clauses.ts, parties.ts)
//   headings.ts  heading extents and numbering schemes
// Never throws for any text (analyze() guards it too).
import type { PlanModel } from '../model';
import { LineIndex } from '../text';
import type { EditWindow } from '../edits';
import { statesFirstListed } from './convention';
import { itemScheme, sectionScheme } from './headings';
import { readLines, type LineCache, type LineEntry } from './lines';
import { readTasks } from './tasks';
import { readTitle } from './title';
import { readDate } from './dates';
import { readDeadlines } from './deadlines';

export type { LineCache } from './lines';

// The opening and the end of a text: where its 文号, date line and signature are.
const HEAD = 3000;
const TAIL = 1500;

/** Most lines read differently simplified: the text is in traditional characters. */
function isTraditional(entries: LineEntry[]): boolean {
  let changed = 0;
  for (const e of entries) if (e.shadow !== e.text && !e.noise) changed++;
  return changed * 3 > entries.length;
}

/**
 * Reads a plan. With `previous`, lines whose text is unchanged reuse their parse from the
 * previous call; that cache is consumed (its objects now belong to the new model). With `edit`
 * (where the text changed since `previous`), lines outside it are taken over without comparing.
 */
export function parsePlan(text: string, previous?: LineCache, edit?: EditWindow): { model: PlanModel; cache: LineCache } {
  // An edit window that fits the two texts' lengths spares scanning the whole text again.
  const window = edit && previous?.index && previous.length + edit.delta === text.length && edit.from >= 0 && edit.to <= text.length ? edit : undefined;
  const index = window ? LineIndex.edited(previous!.index!, text, window) : new LineIndex(text);
  const lines = readLines(text, index, previous, window);
  const { entries } = lines;

  const model: PlanModel = {
    text,
    lines: index,
    headings: [],
    tasks: [],
    clauses: [],
    paragraphs: [],
    firstListedLeads: false,
    date: undefined,
    traditional: false,
    sectionNumbering: 'run-on',
    itemNumbering: 'per-parent',
  };

  // Headings decide where the preamble ends.
  let firstHeading = entries.findIndex((e) => e.heading);
  const noHeadings = firstHeading < 0;
  if (noHeadings) firstHeading = entries.length;

  const title = readTitle(entries, firstHeading, lines.lineNo, lines.lineEnds);
  model.title = title.title;
  for (let i = 0; i < firstHeading; i++) {
    if (!entries[i].noise && statesFirstListed(entries[i].text)) model.firstListedLeads = true;
  }

  // After an edit, the walk takes over from the previous one what lies before and after the edit.
  const checkpoints = readTasks(model, lines, firstHeading, noHeadings, new Set(title.lines), window ? previous?.walk : undefined);
  lines.cache.walk = { model, checkpoints, firstHeading };
  // The date is read again only when the opening, the end or the title changed.
  const head = text.slice(0, HEAD);
  const tail = text.length > HEAD ? text.slice(-TAIL) : '';
  const last = previous?.dated;
  model.date = last && last.head === head && last.tail === tail && last.title === model.title?.text ? last.date : readDate(head, tail, model.title?.text);
  lines.cache.dated = { head, tail, title: model.title?.text, date: model.date };
  model.traditional = isTraditional(entries);
  model.sectionNumbering = sectionScheme(model.headings);
  model.itemNumbering = itemScheme(model.headings);
  readDeadlines(model);
  return { model, cache: lines.cache };
}
