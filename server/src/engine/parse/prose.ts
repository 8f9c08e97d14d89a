// Assignments written as prose, in a paragraph that has no bracketed or labelled clause:
//   由X牵头，Y配合，在6月底前完成     由X会同Y等部门研究提出落实意见
//   X会同Y、Z等部门组建协调小组        X要会同有关方面做好指导      X负责编制…    X是…责任主体
// Each is read sentence by sentence; the subject must look like an agency, so prose that only
// mentions a mechanism (建立由政府牵头的机制) names nobody.
import { isBlank } from '../text';
import { endsLikeAgency, isCollective, isDeadline, stripTail } from './names';

export interface ProseSpan {
  start: number;
  end: number;
  /** 是…责任主体: the subject is responsible, though no role word says so. */
  subjectOnly: boolean;
}

// Sentences are bounded: prose detection never scans more than this many characters at once.
const MAX_SENTENCE = 400;
const MODAL = '(?:要|将|应|须|继续|积极|负责)?';
// 由X牵头 / 由X负责 / 由X会同: X up to 30 characters without a separator.
const BY = /由([^，,。；;：:、（(）)]{2,30}?)(?=牵头|负责|会同)/;
// A clause-initial subject and its verb: X会同, X要会同, X牵头，, X负责编制.
const SUBJECT = new RegExp(`^(?:经|并由|由)?([^，,。；;：:（(）)]{2,30}?)${MODAL}(会同|牵头(?=[，,、；;。]|负责|$)|负责(?=[^，,。；;]{2}))`);
const DUTY = /^([^，,。；;：:（(）)]{2,30}?)是[^，,。；;]{0,30}?责任主体/;
// After 会同, its names end where the sentence's verb begins (研究室, 组织部, 建设厅 are names, not verbs).
const AFTER_WITH_END = /研究(?!室|中心|院|所|会)|提出|负责|组织(?!部)|做好|开展|建立|推进|制定|落实|对(?!外)|共同|统筹|进行|组建|抓好|编制(?!委|办)|指导(?!中心|站)|加强|完善|做出|建设(?!厅|局|部|委|兵团)|确定|审核|[，,。；;]/;
// A comma segment that goes on with the assignment: Y配合, Y等参与, 在6月底前完成.
const ROLE_SEGMENT = /^[^，,。；;]{2,60}?(配合|参与|协同|协助|按职责分工负责|负责)$/;

function isSubject(s: string): boolean {
  if (/^(要|并|和|在|对|把|将|为|以|从|按|经|由|其中|同时)/.test(s)) return false;
  return endsLikeAgency(s) || isCollective(s);
}

/** The prose assignments in `[start, end)` of the shadow text (one per sentence at most). */
export function findProse(shadow: string, start: number, end: number): ProseSpan[] {
  const out: ProseSpan[] = [];
  let from = start;
  while (from < end) {
    let stop = shadow.indexOf('。', from);
    if (stop < 0 || stop > end) stop = end;
    // A sentence may hold several: 试点城市负责编制…，经生态环境部会同有关部门审核后…
    for (let at = from; at < stop && stop - from <= MAX_SENTENCE; ) {
      const found = inSentence(shadow, at, stop);
      if (!found) break;
      out.push(found);
      at = found.end + 1;
    }
    from = stop + 1;
  }
  return out;
}

function inSentence(shadow: string, start: number, end: number): ProseSpan | undefined {
  const sentence = shadow.slice(start, end);
  // 由X牵头…
  const by = BY.exec(sentence);
  if (by && endsLikeAgency(by[1].trim())) {
    const at = by.index + by[0].length;
    const verb = /^(会同|牵头负责|牵头|负责)/.exec(sentence.slice(at))!;
    return extend(start, start + by.index + 1, sentence, at + verb[0].length);
  }
  // Each comma segment may start with a subject: …，生态环境部会同国家发展改革委、…等部门，根据…
  let seg = 0;
  while (seg < sentence.length) {
    while (seg < sentence.length && (isBlank(sentence.charCodeAt(seg)) || '，,；;'.includes(sentence[seg]))) seg++;
    const rest = sentence.slice(seg);
    const m = SUBJECT.exec(rest);
    if (m && isSubject(m[1].trim())) return extend(start, start + seg + m[0].indexOf(m[1]), sentence, seg + m[0].length);
    const duty = DUTY.exec(rest);
    if (duty && isSubject(duty[1].trim())) return { start: start + seg, end: start + seg + duty[1].length, subjectOnly: true };
    const next = rest.search(/[，,；;]/);
    if (next < 0) break;
    seg += next + 1;
  }
  return undefined;
}

/**
 * How far the names after 会同 run: up to the sentence's verb, and within the last name up to
 * where it still ends like a body (国家邮政局等部门筛选确定 gives 国家邮政局等部门).
 */
function namesAfterWith(after: string): number {
  const stop = after.search(AFTER_WITH_END);
  const region = stop < 0 ? after : after.slice(0, stop);
  const lastSep = Math.max(region.lastIndexOf('、'), region.lastIndexOf('和'), region.lastIndexOf('及'));
  const last = region.slice(lastSep + 1);
  for (let n = last.length; n >= 2; n--) {
    const piece = last.slice(0, n);
    const bare = stripTail(piece);
    if (bare !== piece || endsLikeAgency(piece) || isCollective(piece)) {
      if (endsLikeAgency(bare) || isCollective(bare)) return lastSep + 1 + n;
    }
  }
  return region.length;
}

/** From the subject to just after its verb, the names after 会同, then segments that go on with the assignment. */
function extend(sentenceStart: number, from: number, sentence: string, at: number): ProseSpan {
  let end = at;
  if (sentence.slice(0, at).endsWith('会同')) end = at + namesAfterWith(sentence.slice(at));
  // ，Y配合，在6月底前完成
  for (;;) {
    const m = /^[，,；;]([^，,。；;]{1,60})/.exec(sentence.slice(end));
    if (!m) break;
    const part = m[1].trim();
    if (!ROLE_SEGMENT.test(part) && !(isDeadline(part) && part.length <= 16)) break;
    end += m[0].length;
  }
  return { start: from, end: sentenceStart + end, subjectOnly: false };
}
