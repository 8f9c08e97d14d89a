// What the UI test's steps look for in the sample (seeds/manzhouli-2014.txt) and the files the
// runner writes beside it.
export const CHAPTER = '一、推进体制机制改革创新';
export const COMPLETION_AFTER = '自治区外事办、';
export const COMPLETION_LINE = 8; // 1-based: the first clause, (自治区商务厅牵头,…,自治区外事办、交通运输厅、…配合)
export const COMPLETION_WANT = '交通运输厅';
export const BROKEN_FILE = 'broken-ui.plan.txt';
/** A copy of the sample that no step opens: a rename must reach it on disk. */
export const UNOPENED_FILE = 'unopened-ui.plan.txt';
export const UNKNOWN_AGENCY = '自治区不存在厅';
export const UNKNOWN_MESSAGE = '不在单位名录中';
export const RENAMED_FROM = '自治区商务厅';
export const RENAMED_TO = '自治区商务和口岸厅';

/** The 1-based number of the first line matching `re`, and the match. */
export function findLine(text, re) {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { line: i + 1, text: lines[i], match: m };
  }
  throw new Error(`no line of the sample matches ${re}`);
}
