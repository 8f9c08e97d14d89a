// The last stage of the parser: each task's deadline, read from what the clause set apart as
// deadlines (a bracket's `2024年底前完成`, a `完成时限：` label or table column, prose's
// `在6月底前完成`), with a normalised date:
//   2024年底前 → 2024-12     6月底前 → the plan's year-06     6月30日前 → the plan's year-06-30
//   年内, 全年 → the plan's year     上半年 → -06, 三季度 → -09     明年 → the next year
//   持续推进, 长期坚持, 常态化, 每年 → ongoing (a time bound written with it wins: 年内持续推进 → the year)
// An aside that only starts with such a word and goes on with a task of its own (持续抓好集中整治,
// a run-together page's next item) is no deadline. Runs after the rest of the parse, on every
// analysis: a few regexes per task that has a deadline, nothing for the others.
import type { Aside, Deadline, PlanModel, Task } from '../model';

const FULL_DIGITS = /[０-９]/g;
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二四 → 2024, 十二 → 12, 六 → 6; Arabic digits pass through. */
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return NaN;
  if (!m[2]) return CN_DIGIT[m[1] ?? m[3]];
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[3] ? CN_DIGIT[m[3]] : 0);
}

const NUM = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const YEAR = '(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4}';
// 2024年, 2024—2025年 (the range's end counts), 二〇二四年.
const YEAR_RE = new RegExp(`(?:(${YEAR})\\s*[-—–~～至到]\\s*)?(${YEAR})\\s*年(?!度?以来)`);
const MONTH_RE = new RegExp(`(${NUM})\\s*月(?:\\s*(${NUM})\\s*[日号])?`);
const QUARTER_RE = /(?:第)?([一二三四1-4])\s*季度/;
const ONGOING = /持续|长期|常态化|长效|每年|逐年|定期|每季度|每月|逐步|不断|久久为功/;
// What a deadline may say besides its date or its ongoing word: the verbs of finishing, filler.
const FILLER = new RegExp(
  `(${YEAR})\\s*[-—–~～至到]?|(${NUM})\\s*[月日号]|年|月|日|号|底|末|初|中旬|上旬|下旬|份|前|后|以前|之前|内|起|开始|以来|全|上半|下半|第|季度|[一二三四1-4]|` +
    '持续|长期|常态化|长效|每年|逐年|定期|每季度|每月|逐步|不断|久久为功|坚持|推进|开展|实施|落实|进行|完成|启动|建成|见效|取得|成效|阶段性|基本|全面|初步|力争|确保|争取|在|于|并|和|及|到|至|之|明年|今年|当年|本年|次年|当期|' +
    '动工|开工|投入使用|投用|竣工|出台|印发|制定|编制|上报|部署|整改|到位|' +
    '[\\s，,；;、。．.（）()\\-—–~～]',
  'g',
);
/** At most this many characters besides those words: 2024年底前完成试点 is a deadline, 持续抓好集中整治 is not. */
const LEFTOVER = 4;

export interface ReadDeadline {
  /** 2024-12, 2024-06-30, 2024, or 'ongoing'; undefined when the text names no date to be read. */
  date?: string;
  /** The text reads as a deadline at all. */
  isDeadline: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads one deadline as written. `year` is the plan's year, for deadlines that name a month or
 * 年内 only; without it those keep their text and get no date.
 */
export function readDeadline(written: string, year?: number): ReadDeadline {
  const text = written.replace(FULL_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const leftover = text.replace(FILLER, '');
  const y = YEAR_RE.exec(text);
  const explicitYear = y ? cnNumber(y[2]) : undefined;
  // 年内, 年底前, 上半年 with no year of their own: the plan's (明年: the next).
  const relativeYear = /明年|次年/.test(text) ? (year === undefined ? undefined : year + 1) : /年内|今年|当年|本年|全年|年底|年末|年初|上半年|下半年|季度/.test(text) ? year : undefined;
  const afterYear = y ? text.slice(y.index + y[0].length) : text;
  const m = MONTH_RE.exec(afterYear);
  const month = m ? cnNumber(m[1]) : undefined;
  const day = m?.[2] ? cnNumber(m[2]) : undefined;
  const recurring = /每年|每季度|每月|逐年|定期/.test(text);
  const from = /^\s*(?:起|开始|以来)/.test(afterYear); // 2025年起: from then on
  const ongoing = recurring || from || ONGOING.test(text);
  const timed = explicitYear !== undefined || month !== undefined || /年内|今年|当年|本年|全年|明年|次年|年底|年末|年初|上半年|下半年|季度/.test(text);
  // A time word, then a task of its own (持续抓好集中整治): no deadline, its date would mislead.
  const isDeadline = timed ? leftover.length <= LEFTOVER * 2 : ongoing ? leftover.length <= LEFTOVER : /适时|立即|按期|按时|及时/.test(text) && leftover.length <= LEFTOVER;
  if (!isDeadline) return { isDeadline };
  if (recurring || from) return { date: 'ongoing', isDeadline };
  const base = explicitYear ?? relativeYear ?? (month !== undefined ? year : undefined);
  if (base === undefined || Number.isNaN(base)) return { date: ongoing && !timed ? 'ongoing' : undefined, isDeadline };
  const rest = afterYear.trim();
  let date = String(base);
  if (month !== undefined && month >= 1 && month <= 12) date = day && day >= 1 && day <= 31 ? `${base}-${pad(month)}-${pad(day)}` : `${base}-${pad(month)}`;
  else if (/年底|年末|年终|下半年/.test(text) || /^[底末]/.test(rest)) date = `${base}-12`;
  else if (/上半年/.test(text)) date = `${base}-06`;
  else if (QUARTER_RE.test(text)) date = `${base}-${pad(cnNumber(QUARTER_RE.exec(text)![1]) * 3)}`;
  else if (/年初|^初/.test(rest) || /年初/.test(text)) date = `${base}-03`;
  return { date, isDeadline };
}

/** The year the plan is for: its date's, or the next when the title names that (a plan signed in December for next year). */
export function planYear(model: PlanModel): number | undefined {
  const year = model.date?.date.year;
  const t = model.title ? /((?:19|20)\d{2})\s*年/.exec(model.title.text) : null;
  const titleYear = t ? Number(t[1]) : undefined;
  if (year === undefined) return titleYear;
  return titleYear === year + 1 ? titleYear : year;
}

/** Later of two normalised dates; a dated deadline wins over 'ongoing'. */
function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || a === 'ongoing') return b ?? a;
  if (!b || b === 'ongoing') return a;
  return b.localeCompare(a) > 0 ? b : a;
}

function deadlineOf(asides: Aside[], year: number | undefined): Deadline | undefined {
  let found: Deadline | undefined;
  for (const a of asides) {
    const read = readDeadline(a.text, year);
    if (!read.isDeadline) continue;
    if (!found) found = { text: a.text, span: { start: a.span.start, end: a.span.end }, date: read.date };
    else {
      found.text += `；${a.text}`;
      found.span = { start: Math.min(found.span.start, a.span.start), end: Math.max(found.span.end, a.span.end) };
      found.date = later(found.date, read.date);
    }
  }
  return found;
}

/**
 * Sets every task's `deadline` (undefined where its clause names none). In a text table a row
 * without a deadline of its own takes the one of the row above: a vertically merged cell keeps
 * its text in its first row only, which is how a reader of the table sees it.
 */
export function readDeadlines(model: PlanModel): void {
  const year = planYear(model);
  let above: Task | undefined;
  for (const task of model.tasks as Task[]) {
    const clause = task.clause;
    const asides = clause?.deadlines;
    task.deadline = asides && asides.length ? deadlineOf(asides, year) : undefined;
    const row = clause?.form === 'table';
    if (row && !task.deadline && above?.deadline && above.heading === task.heading) task.deadline = { ...above.deadline, span: { start: above.deadline.span.start, end: above.deadline.span.end } };
    above = row ? task : undefined;
  }
}
