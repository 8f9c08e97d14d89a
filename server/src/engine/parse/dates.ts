// The plan's date: the year of its 文号 (〔2024〕), its date line (2024年3月1日, in the notice or
// the signature), or the year its title names (2024年重点工作…). Read from the opening and the
// end of the text only.
import type { PlanDate } from '../registry/registry';

const DOCUMENT_NUMBER = /[〔［\[【(（]((?:19|20)\d{2})[〕］\]】)）]\s*\d{1,4}\s*号/;
const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/m;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
// The page's own date (2014年05月12日 | 来源:…, 发布时间：2021-04-02): when the plan states none.
const PUBLISHED = /^\s*(?:发布(?:时间|日期)[:：]\s*)?((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*(?:\d{1,2}:\d{2}\s*)?[|｜\s]*(?:来源|发布|阅读|浏览|点击|字号)/m;

/** How the date was found, most reliable first. */
export type DateSource = 'document-number' | 'date-line' | 'title' | 'published';

export function readDate(head: string, tail: string, title: string | undefined): { date: PlanDate; source: DateSource } | undefined {
  const number = DOCUMENT_NUMBER.exec(head);
  const line = DATE_LINE.exec(head) ?? DATE_LINE.exec(tail);
  if (line) {
    const date = { year: Number(line[1]), month: Number(line[2]), day: Number(line[3]) };
    // A date line of the 文号's year is the signature's: it is the more precise.
    if (!number || Number(number[1]) === date.year) return { date, source: 'date-line' };
  }
  if (number) return { date: { year: Number(number[1]) }, source: 'document-number' };
  const t = title ? TITLE_YEAR.exec(title) : null;
  if (t) return { date: { year: Number(t[1]) }, source: 'title' };
  const p = PUBLISHED.exec(head);
  if (p) return { date: { year: Number(p[1]), month: Number(p[2]), day: Number(p[3]) }, source: 'published' };
  return undefined;
}
