// Reading a clause's content: who leads, who cooperates, who is responsible; officials and
// deadlines set apart. Labels (牵头单位：) and role words (牵头, 配合, 负责) split the content
// into runs of names; names are split at separators outside nested brackets.
import type { Aside, Party, Role } from '../model';
import { isBlank, type Span } from '../text';
import { bracketOf } from './clauses';
import { isCollective, isDeadline, isOfficial, levelPrefix, stripTail } from './names';
import { applyFirstListed, FIRST_LISTED } from './convention';

const ROLE_WORDS = /(按照?职责分工负责|按职责负责|分别牵头|共同牵头|牵头负责|分别负责|共同负责|具体负责|牵头|配合|参与|协同|协助|协办|负责)(?=$|[,，;；、。:：\s)）\]】〕])/g;

// Labelled forms: 牵头单位:A、B;责任单位:C, inside brackets or on a line of their own.
export const LABELS = /(牵头责任单位|协同责任单位|牵头单位|牵头部门|主办单位|主责单位|责任单位|责任部门|实施单位|承办单位|配合单位|配合部门|协办单位|参与单位|协同单位|牵头领导|责任领导|分管领导|联系领导|责任人|牵头人|完成时限|完成时间|时间节点|时限要求)\s*[:：]/g;

// A cheap test before parsing: does this bracket's content name any role at all?
export const MAY_BE_CLAUSE = /牵头|配合|参与|协同|协助|协办|负责|(单位|部门|领导|时限)\s*[:：]/;

type LabelKind = Role | 'official' | 'deadline';

function labelKind(label: string): LabelKind {
  if (/领导|责任人|牵头人/.test(label)) return 'official';
  if (/时限|时间/.test(label)) return 'deadline';
  if (label.startsWith('牵头') || label.startsWith('主办') || label.startsWith('主责')) return 'lead';
  if (label.startsWith('责任') || label.startsWith('实施') || label.startsWith('承办')) return 'responsible';
  return 'cooperating';
}

function roleOfWord(word: string): Role {
  if (word.includes('牵头')) return 'lead';
  if (word.includes('负责')) return 'responsible';
  return 'cooperating';
}

const GROUP_SEPARATORS = ',，;；';
// 和 / 及 / 会同 join two agencies only when both sides end like an agency name:
// 自治区发展改革委和财政厅 splits, 经济和信息化委 and 住房和城乡建设厅 do not.
const AGENCY_END = /(厅|局|委|办|部|会|院|署|行|关|队|司|室|中心|政府|集团|公司|站|所|社|团|联|协|馆|台|校)$/;
const JOINERS = /和|及|以及|会同/g;
const LEADING_WORDS = /^(分别由|由|请|其中|要求)/;
const QUALIFIER = /(按照|按|根据|依据|依照)[^、,，;；]*$/;


export interface ClauseContent {
  parties: Party[];
  officials: Aside[];
  deadlines: Aside[];
  roleWords: Aside[];
  /** The clause says 列第一位的为牵头单位 (read while parsing, not kept). */
  firstListedLeads?: boolean;
}

interface NameSlice {
  start: number;
  end: number;
  group: number;
}

/** Splits `[start, end)` into names at separators outside nested brackets (各街道(功能区) stays whole). */
function splitNames(text: string, start: number, end: number, firstGroup: number): { names: NameSlice[]; groups: number } {
  const names: NameSlice[] = [];
  let group = firstGroup;
  let depth = 0;
  let from = start;
  const push = (to: number) => {
    if (to > from) names.push({ start: from, end: to, group });
  };
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const b = bracketOf(code);
    if (b > 0) depth++;
    else if (b < 0) depth = Math.max(0, depth - 1);
    else if (depth !== 0 || code < 0x2c) continue; // no separator below ','
    else if (GROUP_SEPARATORS.includes(text[i])) {
      push(i);
      from = i + 1;
      group++;
    } else if (code === 0x3001) {
      // 、
      push(i);
      from = i + 1;
    }
  }
  push(end);
  return { names, groups: group + 1 };
}

/** Trims blanks, a tail (等部门), leading words (由) and a qualifier (按照各自征管范围) off a name. */
function trimName(text: string, slice: NameSlice, stripTails: boolean): NameSlice | undefined {
  let { start, end } = slice;
  while (start < end && (isBlank(text.charCodeAt(start)) || text[start] === '。')) start++;
  while (end > start && (isBlank(text.charCodeAt(end - 1)) || text[end - 1] === '。')) end--;
  let s = text.slice(start, end);
  const lead = LEADING_WORDS.exec(s);
  if (lead && s.length > lead[0].length) {
    start += lead[0].length;
    s = s.slice(lead[0].length);
  }
  // Only a name's tail can hold a qualifier; a bounded window keeps hostile input linear.
  const tailAt = Math.max(0, s.length - 40);
  const q = QUALIFIER.exec(s.slice(tailAt));
  if (q && q.index + tailAt > 0) {
    q.index += tailAt;
    end -= s.length - q.index;
    s = s.slice(0, q.index);
  }
  if (stripTails) {
    const t = stripTail(s);
    end -= s.length - t.length;
    s = t;
  }
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end, group: slice.group } : undefined;
}

/** Splits names joined by 和 / 及 / 会同 when both sides look like agencies. */
function splitJoined(text: string, slice: NameSlice): NameSlice[] {
  const s = text.slice(slice.start, slice.end);
  JOINERS.lastIndex = 0;
  const out: NameSlice[] = [];
  let from = 0;
  for (let m = JOINERS.exec(s); m; m = JOINERS.exec(s)) {
    const left = s.slice(from, m.index);
    const right = s.slice(m.index + m[0].length);
    if (AGENCY_END.test(left) && AGENCY_END.test(right)) {
      out.push({ start: slice.start + from, end: slice.start + m.index, group: slice.group });
      from = m.index + m[0].length;
    }
  }
  if (out.length === 0) return [slice];
  out.push({ start: slice.start + from, end: slice.end, group: slice.group });
  return out;
}

const BLANKS = /[ \t\u3000\u00a0\ufeff\u200b]+/g;

function compact(s: string): string {
  return s.replace(BLANKS, '');
}

/**
 * Reads the parties of one clause's content `[start, end)`. Names get their group's level
 * prefix as a guess here (`name`); the registry refines it later (see resolve.ts).
 */
export function parseClauseContent(text: string, start: number, end: number): ClauseContent {
  const out: ClauseContent = { parties: [], officials: [], deadlines: [], roleWords: [] };
  const content = text.slice(start, end);

  // Labels split the content into labelled segments; text before the first label is read by role words.
  const labels: { at: number; len: number; kind: LabelKind }[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(content); m; m = LABELS.exec(content)) {
    labels.push({ at: m.index, len: m[0].length, kind: labelKind(m[1]) });
  }
  let group = 0;
  const firstLabel = labels.length ? labels[0].at : content.length;
  group = readRoleWords(text, start, start + firstLabel, group, out);
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const segStart = start + l.at + l.len;
    const segEnd = k + 1 < labels.length ? start + labels[k + 1].at : end;
    out.roleWords.push({ text: content.slice(l.at, l.at + l.len), span: { start: start + l.at, end: segStart } });
    group = addNames(text, segStart, segEnd, l.kind, group, out, false);
  }
  if (out.firstListedLeads) applyFirstListed(out.parties);
  delete out.firstListedLeads;
  return out;
}

function readRoleWords(text: string, start: number, end: number, group: number, out: ClauseContent): number {
  if (end <= start) return group;
  const region = text.slice(start, end);
  ROLE_WORDS.lastIndex = 0;
  let from = 0;
  let depth = 0;
  let depthAt = 0;
  for (let m = ROLE_WORDS.exec(region); m; m = ROLE_WORDS.exec(region)) {
    // Role words inside a nested bracket belong to a name, not to the clause.
    for (; depthAt < m.index; depthAt++) {
      const b = bracketOf(region.charCodeAt(depthAt));
      if (b > 0) depth++;
      else if (b < 0) depth = Math.max(0, depth - 1);
    }
    if (depth > 0) continue;
    const role = roleOfWord(m[1]);
    out.roleWords.push({ text: m[1], span: { start: start + m.index, end: start + m.index + m[1].length } });
    group = addNames(text, start + from, start + m.index, role, group, out, true);
    from = m.index + m[1].length;
  }
  // Text after the last role word: deadlines, officials, or parties the role word did not name.
  if (from < region.length) {
    const hasLead = out.parties.some((p) => p.role === 'lead');
    group = addNames(text, start + from, end, hasLead ? 'cooperating' : 'responsible', group, out, true);
  }
  return group;
}

function addNames(
  text: string,
  start: number,
  end: number,
  kind: LabelKind,
  group: number,
  out: ClauseContent,
  stripTails: boolean,
): number {
  const { names, groups } = splitNames(text, start, end, group);
  let groupPrefix = '';
  let prefixGroup = -1;
  for (const raw of names) {
    const trimmed = trimName(text, raw, stripTails);
    if (!trimmed) continue;
    for (const slice of splitJoined(text, trimmed)) {
      const written = text.slice(slice.start, slice.end);
      const compacted = compact(written);
      if (!compacted) continue;
      const span: Span = { start: slice.start, end: slice.end };
      if (FIRST_LISTED.test(compacted)) {
        out.firstListedLeads = true;
        out.roleWords.push({ text: written, span });
        continue;
      }
      if (kind === 'deadline' || (kind !== 'official' && isDeadline(compacted))) {
        out.deadlines.push({ text: written, span });
        continue;
      }
      if (kind === 'official' || isOfficial(compacted)) {
        out.officials.push({ text: written, span });
        continue;
      }
      let name = compacted;
      const collective = isCollective(compacted);
      if (slice.group !== prefixGroup) {
        // The first name of a comma group sets the prefix the rest of the group carries.
        prefixGroup = slice.group;
        groupPrefix = levelPrefix(compacted);
      } else if (groupPrefix && !collective && levelPrefix(compacted) === '') {
        name = groupPrefix + compacted;
      }
      out.parties.push({ written, name, role: kind, span, group: slice.group, prefix: name !== compacted ? groupPrefix : '', collective, agency: undefined });
    }
  }
  return Math.max(group, groups - 1) + 1;
}

