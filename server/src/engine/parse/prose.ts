// Assignments written as prose, in a paragraph that has no bracketed or labelled clause:
//   由X牵头，Y配合，在6月底前完成     由X会同Y等部门研究提出落实意见
//   X会同Y、Z等部门组建协调小组        X要发挥牵头作用，…，会同有关部门推进
//   X负责编制…                         X是…责任主体
// Each is read sentence by sentence as fields (the subject, the names after 会同, the segments
// that go on with it); the subject must look like a body, so prose that only mentions a
// mechanism (建立由政府牵头的机制) names nobody.
import type { Field } from './parties';
import { isBlank } from '../text';
import { endsLikeAgency, isCollective, isDeadline, isOfficial, stripTail } from './names';

export interface ProseSpan {
  start: number;
  end: number;
  fields: { start: number; end: number; field: Field }[];
}

// Sentences are bounded: prose detection never scans more than this many characters at once.
const MAX_SENTENCE = 400;
const MODAL = '(?:要|将|应|须|继续|积极|负责)?';
// 由X牵头 / 由X负责 / 由X会同: X up to 30 characters without a separator.
const BY = /由([^，,。；;：:、（(）)]{2,30}?)(?=牵头|负责(?!人|同志)|会同)/;
// A segment-initial subject and its verb: X会同, X要会同, X牵头，, X负责编制 (not 负责人, 负责同志).
const SUBJECT = new RegExp(`^(?:经|并由|由)?([^，,。；;：:（(）)]{2,30}?)${MODAL}(会同|牵头(?=[，,、；;。]|负责|$)|负责(?!人|同志)(?=[^，,。；;]{2}))`);
const DUTY = /^([^，,。；;：:（(）)]{2,30}?)是[^，,。；;]{0,30}?责任主体/;
// After 会同, its names end where the sentence's verb begins (研究室, 组织部, 建设厅 are names, not verbs).
const AFTER_WITH_END = /研究(?!室|中心|院|所|会)|提出|负责|组织(?!部)|做好|开展|建立|推进|制定|落实|对(?!外)|共同|统筹|进行|组建|抓好|编制(?!委|办)|指导(?!中心|站)|加强|完善|做出|建设(?!厅|局|部|委|兵团)|确定|审核|及时|[，,。；;]/;
// A comma segment that goes on with the assignment: Y配合, Y等参与, 在6月底前完成.
const ROLE_SEGMENT = /^[^，,。；;]{2,60}?(配合|参与|协同|协助|按职责分工负责|负责)$/;
// 6.2.1　, （三）: numbering before a subject.
const NUMBERING = /^([\d.．]+[\s\u3000、.．]*|[(（][一二三四五六七八九十\d]+[)）])/;

/** A subject names a body: 体育总局, 试点城市政府, 各有关部门 — not 各级行政执法机关要明确具体. */
function isSubject(s: string): boolean {
  if (/^(要|并|和|在|对|把|将|为|以|从|按|经|由|其中|同时)/.test(s) || isOfficial(s)) return false;
  return endsLikeAgency(s) || (isCollective(s) && /(部门|单位|地区|地方|政府|机关|机构|方面|城市)$/.test(s));
}

/** The prose assignments in `[start, end)` of the shadow text. */
export function findProse(shadow: string, start: number, end: number): ProseSpan[] {
  const out: ProseSpan[] = [];
  let from = start;
  while (from < end) {
    let stop = shadow.indexOf('。', from);
    if (stop < 0 || stop > end) stop = end;
    if (stop - from <= MAX_SENTENCE) out.push(...inSentence(shadow, from, stop));
    from = stop + 1;
  }
  return out;
}

/** A sentence's comma segments, each with its start (blanks and separators skipped). */
function segments(sentence: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let seg = 0;
  while (seg < sentence.length) {
    while (seg < sentence.length && (isBlank(sentence.charCodeAt(seg)) || '，,；;'.includes(sentence[seg]))) seg++;
    if (seg >= sentence.length) break;
    const next = sentence.slice(seg).search(/[，,；;]/);
    const end = next < 0 ? sentence.length : seg + next;
    out.push({ at: seg, text: sentence.slice(seg, end) });
    seg = end;
  }
  return out;
}

function inSentence(shadow: string, start: number, end: number): ProseSpan[] {
  const sentence = shadow.slice(start, end);
  const out: ProseSpan[] = [];
  // 由X牵头…: the whole assignment is read by its role words.
  const by = BY.exec(sentence);
  if (by && endsLikeAgency(by[1].trim())) {
    const at = by.index + by[0].length;
    const verb = /^(会同|牵头负责|牵头|负责)/.exec(sentence.slice(at))!;
    const span = extend(start, start + by.index + 1, sentence, at + verb[0].length, verb[1] === '会同' ? 'lead' : 'roles');
    return [span];
  }
  const segs = segments(sentence);
  let subject: { start: number; end: number } | undefined; // the last subject named, for a 会同 with none
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const numbering = NUMBERING.exec(seg.text)?.[0].length ?? 0;
    const rest = seg.text.slice(numbering);
    const at = seg.at + numbering;
    const m = SUBJECT.exec(rest);
    const name = m?.[1].trim();
    if (m && name && isSubject(name)) {
      const s0 = start + at + m[0].indexOf(m[1]);
      subject = { start: s0, end: s0 + m[1].length };
      const verb = m[2];
      const span = extend(start, s0, sentence, at + m[0].length, verb === '会同' ? 'lead' : verb === '牵头' ? 'lead' : 'responsible', subject);
      out.push(span);
      while (k + 1 < segs.length && start + segs[k + 1].at < span.end) k++;
      continue;
    }
    const duty = DUTY.exec(rest);
    if (duty && isSubject(duty[1].trim())) {
      const s0 = start + at;
      out.push({ start: s0, end: s0 + duty[1].length, fields: [{ start: s0, end: s0 + duty[1].length, field: 'responsible' }] });
      continue;
    }
    // …，会同有关部门推进: 会同 whose subject is the sentence's earlier one (X要发挥牵头作用，…，会同Y).
    if (subject && /^会同/.test(rest)) {
      const names = namesAfterWith(rest.slice(2));
      const n0 = start + at + 2;
      out.push({ start: subject.start, end: n0 + names, fields: [{ ...subject, field: 'lead' }, { start: n0, end: n0 + names, field: 'cooperating' }] });
      continue;
    }
    // A subject without a verb of its own may still be the one a later 会同 goes with.
    const bare = /^([^，,。；;：:（(）)]{2,30}?)(?:要|将|应|须|继续)/.exec(rest);
    if (bare && isSubject(bare[1])) subject = { start: start + at, end: start + at + bare[1].length };
  }
  return out;
}

/**
 * How far the names after 会同 run: name by name up to the sentence's verb; the first piece that
 * no longer ends like a body is cut where it still does (国家邮政局等部门筛选 → 国家邮政局等部门).
 */
function namesAfterWith(after: string): number {
  const stop = after.search(AFTER_WITH_END);
  const region = stop < 0 ? after : after.slice(0, stop);
  let from = 0;
  for (const piece of region.split(/(?<=、)/)) {
    const name = piece.replace(/、$/, '');
    if (endsLikeAgency(stripTail(name)) || isCollective(name)) {
      from += piece.length;
      continue;
    }
    for (let n = name.length; n >= 2; n--) {
      const head = name.slice(0, n);
      if (endsLikeAgency(stripTail(head)) && (stripTail(head) !== head || endsLikeAgency(head))) return from + n;
    }
    return Math.max(0, from - (region[from - 1] === '、' ? 1 : 0));
  }
  return region.length;
}

/** From the subject to just after its verb, the names after 会同, then segments that go on with the assignment. */
function extend(sentenceStart: number, from: number, sentence: string, at: number, role: Field, subject?: { start: number; end: number }): ProseSpan {
  const fields: ProseSpan['fields'] = [];
  let end = at;
  if (subject) fields.push({ ...subject, field: role });
  if (sentence.slice(0, at).endsWith('会同')) {
    end = at + namesAfterWith(sentence.slice(at));
    if (!subject) fields.push({ start: from, end: sentenceStart + at - 2, field: 'lead' });
    fields.push({ start: sentenceStart + at, end: sentenceStart + end, field: 'cooperating' });
  } else if (!subject) fields.push({ start: from, end: sentenceStart + at, field: role });
  // ，Y配合，在6月底前完成
  for (;;) {
    const m = /^[，,；;]([^，,。；;]{1,60})/.exec(sentence.slice(end));
    if (!m) break;
    const part = m[1].trim();
    const p0 = sentenceStart + end + m[0].indexOf(m[1]);
    if (ROLE_SEGMENT.test(part)) fields.push({ start: p0, end: p0 + m[1].length, field: 'roles' });
    else if (isDeadline(part) && part.length <= 16) fields.push({ start: p0, end: p0 + m[1].length, field: 'deadline' });
    else break;
    end += m[0].length;
  }
  return { start: from, end: sentenceStart + end, fields };
}
