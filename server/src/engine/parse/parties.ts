// Reading a clause's content: who leads, who cooperates, who is responsible; officials, deadlines
// and notes set apart. Labels (牵头单位：) split the content into fields; inside a field, or where
// there is no label, role words (牵头, 配合, 负责, 会同) give the names before them their role.
// Patterns run over the simplified shadow of the text (牽頭 reads as 牵头); names are cut from the
// text as written. Every regex runs over one clause's content, so time stays linear.
import type { Aside, Party, Role } from '../model';
import { intern, isBlank, type Span } from '../text';
import { bracketOf } from './clauses';
import { applyFirstListed, FIRST_LISTED } from './convention';
import { carriedOnto, endsLikeAgency, isCollective, isDeadline, isOfficial, isPartyName, levelPrefix, stripTail, takesPrefix } from './names';

/** What a label marks. `roles`: the field is read by its role words (部门分工：X牵头，Y配合). */
export type Field = Role | 'official' | 'deadline' | 'note' | 'roles';

// Every label, and what its field holds. Longer labels first where one contains another.
const LABEL_TABLE: [string, Field][] = [
  ['牵头责任单位', 'lead'], ['牵头负责单位', 'lead'], ['牵头负责部门', 'lead'], ['牵头单位', 'lead'], ['牵头部门', 'lead'],
  ['牵头处室', 'lead'], ['牵头科室', 'lead'], ['主办单位', 'lead'], ['主责单位', 'lead'], ['主责部门', 'lead'], ['主办部门', 'lead'],
  ['协同责任单位', 'cooperating'], ['配合责任单位', 'cooperating'], ['配合单位', 'cooperating'], ['配合部门', 'cooperating'],
  ['协办单位', 'cooperating'], ['协办部门', 'cooperating'], ['协作单位', 'cooperating'], ['协作部门', 'cooperating'],
  ['参与单位', 'cooperating'], ['参与部门', 'cooperating'], ['协同单位', 'cooperating'], ['协同部门', 'cooperating'],
  ['协助单位', 'cooperating'], ['协助部门', 'cooperating'], ['配合处室', 'cooperating'],
  ['主体责任单位', 'responsible'], ['具体责任单位', 'responsible'], ['责任单位', 'responsible'], ['责任部门', 'responsible'],
  ['负责单位', 'responsible'], ['负责部门', 'responsible'], ['责任主体', 'responsible'], ['实施单位', 'responsible'],
  ['承办单位', 'responsible'], ['落实单位', 'responsible'], ['责任处室', 'responsible'], ['责任科室', 'responsible'],
  ['部门分工', 'roles'], ['责任分工', 'roles'], ['分工', 'roles'],
  ['分管省领导', 'official'], ['分管市领导', 'official'], ['分管县领导', 'official'], ['分管区领导', 'official'],
  ['牵头省领导', 'official'], ['牵头市领导', 'official'], ['牵头县领导', 'official'], ['牵头区领导', 'official'],
  ['责任省领导', 'official'], ['责任市领导', 'official'], ['责任县领导', 'official'], ['责任区领导', 'official'],
  ['牵头负责领导', 'official'], ['牵头领导', 'official'], ['责任领导', 'official'], ['分管领导', 'official'],
  ['联系领导', 'official'], ['包联领导', 'official'], ['牵头责任人', 'official'], ['具体责任人', 'official'],
  ['责任人', 'official'], ['牵头人', 'official'], ['联系人', 'official'],
  ['分管副省长', 'official'], ['分管副市长', 'official'], ['分管副县长', 'official'], ['分管副区长', 'official'],
  ['分管副主席', 'official'], ['分管秘书长', 'official'], ['牵头副省长', 'official'], ['牵头副市长', 'official'],
  ['责任副市长', 'official'], ['责任副县长', 'official'], ['责任副区长', 'official'], ['包保领导', 'official'],
  ['完成时限', 'deadline'], ['完成时间', 'deadline'], ['完成期限', 'deadline'], ['时间节点', 'deadline'],
  ['时限要求', 'deadline'], ['时间要求', 'deadline'], ['进度安排', 'deadline'], ['时限', 'deadline'],
  ['适用范围', 'note'], ['备注', 'note'], ['说明', 'note'], ['工作目标', 'note'], ['目标任务', 'note'],
];
const FIELD = new Map(LABEL_TABLE);
// A label is followed by a colon; it starts the content or follows a separator or a blank.
// A label is followed by a colon (or 为: 牵头单位为X), or stands in 【】 (【牵头单位】X); it starts the
// content or follows a separator or a blank.
const LABEL_WORDS = LABEL_TABLE.map(([l]) => l).join('|');
export const LABELS = new RegExp(`(?:^|(?<=[\\s,，;；、。(（\\[【〔]))(${LABEL_WORDS})[ \\t\\u3000]*(?:[:：]|为(?=[\\u4e00-\\u9fff]))|【(${LABEL_WORDS})】|\\[(${LABEL_WORDS})\\]`, 'g');
/** 【牵头单位】, 牵头: a bracket that is a label or a role marker, not a clause of its own. */
export const BRACKETED_LABEL = new RegExp(`^(${LABEL_WORDS}|牵头|主办|召集|配合|协办|参与)$`);

// Role words, longest first, each with the role it gives the names before it. `with`: 会同 —
// the names before it lead, the names after it (up to the next role word) cooperate.
type Verb = Role | 'with';
const ROLE_TABLE: [string, Verb][] = [
  ['按照职责分工负责', 'responsible'], ['按职责分工负责', 'responsible'], ['按照职能分工负责', 'responsible'], ['按职能分工负责', 'responsible'],
  ['按职责分别负责', 'responsible'], ['按职责负责', 'responsible'], ['按照职责负责', 'responsible'],
  ['分别牵头', 'lead'], ['共同牵头', 'lead'], ['联合牵头', 'lead'], ['牵头负责', 'lead'], ['牵头落实', 'lead'], ['牵头抓总', 'lead'],
  ['牵头推进', 'lead'], ['牵头组织', 'lead'], ['牵头', 'lead'], ['主办', 'lead'], ['主责', 'lead'],
  ['分别负责', 'responsible'], ['共同负责', 'responsible'], ['具体负责', 'responsible'], ['负责落实', 'responsible'],
  ['负责实施', 'responsible'], ['负责推进', 'responsible'], ['组织实施', 'responsible'], ['负责', 'responsible'],
  ['指导', 'responsible'], ['承办', 'responsible'],
  ['协同配合', 'cooperating'], ['协助配合', 'cooperating'], ['参与配合', 'cooperating'], ['配合落实', 'cooperating'],
  ['配合', 'cooperating'], ['参与', 'cooperating'], ['协同', 'cooperating'], ['协助', 'cooperating'], ['协办', 'cooperating'], ['协作', 'cooperating'],
  ['会同', 'with'],
];
const VERB = new Map(ROLE_TABLE);
// A role word ends a run of names: after it comes a separator, a bracket, the end, or the next run.
// 会同 is always followed by the names it joins, so it needs no boundary after it.
const ROLE_WORDS = new RegExp(`(会同|(?:${ROLE_TABLE.filter(([w]) => w !== '会同').map(([w]) => w).join('|')})(?=$|[,，;；、。:：\\s)）\\]】〕(（]|等|研究|提出|做好|抓好|推动|推进|制定|落实|开展|建立|完善|加强))`, 'g');

// A cheap test before parsing: does this bracket's content name any role at all?
export const MAY_BE_CLAUSE = /牵头|配合|参与|协同|协助|协办|协作|负责|指导|会同|主办|主责|承办|(单位|部门|领导|时限|主体|处室)\s*[:：]/;

const GROUP_SEPARATORS = ',，;；';
// A role written in brackets after a name: 市发改委（牵头）、市财政局.
const ROLE_MARKER = /[（(](牵头单位|牵头|主办|召集|配合|协办|参与)[）)]$/;
const JOINERS = /以及|和|及|与/g;
const LEADING_WORDS = /^(分别由|统一由|主要由|均由|由|请|其中|要求|并由|并)/;
const QUALIFIER = /(按照|按|根据|依据|依照)[^、,，;；]*$/;
const BLANKS = /[ \t\r\n\u3000\u00a0\ufeff\u200b]+/g;

export interface ClauseContent {
  parties: Party[];
  officials: Aside[];
  deadlines: Aside[];
  roleWords: Aside[];
  /** The clause states the document's convention (列第一位的为牵头单位). */
  statesConvention: boolean;
}

interface Source {
  text: string;
  /** `text` with traditional characters simplified, same length: what patterns read. */
  shadow: string;
}

interface NameSlice {
  start: number;
  end: number;
  group: number;
}

function compact(s: string): string {
  return s.replace(BLANKS, '');
}

/**
 * Reads the parties of one clause's content `[start, end)`. Names get their group's level prefix
 * as a guess here (`name`); the registry refines it later (see registry/resolve.ts).
 */
export function parseClauseContent(text: string, shadow: string, start: number, end: number): ClauseContent {
  const out = emptyContent();
  const src: Source = { text, shadow };
  const content = shadow.slice(start, end);
  const labels: { at: number; len: number; field: Field }[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(content); m; m = LABELS.exec(content)) labels.push({ at: m.index, len: m[0].length, field: FIELD.get(m[1] ?? m[2] ?? m[3])! });
  let group = 0;
  const firstLabel = labels.length ? labels[0].at : content.length;
  group = readSentences(src, start, start + firstLabel, 'responsible', group, out);
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const fieldStart = start + l.at + l.len;
    const fieldEnd = k + 1 < labels.length ? start + labels[k + 1].at : end;
    out.roleWords.push({ text: intern(text.slice(start + l.at, fieldStart)), span: { start: start + l.at, end: fieldStart } });
    group = readField(text, shadow, fieldStart, fieldEnd, l.field, group, out);
  }
  if (out.statesConvention) applyFirstListed(out.parties);
  return out;
}

export function emptyContent(): ClauseContent {
  return { parties: [], officials: [], deadlines: [], roleWords: [], statesConvention: false };
}

/** Reads one field (a label's text, or a table cell) into `out`; returns the next comma group. */
export function readField(text: string, shadow: string, start: number, end: number, field: Field, group: number, out: ClauseContent): number {
  const src: Source = { text, shadow };
  if (field === 'note') return group;
  if (field === 'deadline') {
    addAside(src, start, end, out.deadlines);
    return group;
  }
  if (field === 'official') return addNames(src, start, end, 'official', group, out);
  return readSentences(src, start, end, field === 'roles' ? 'responsible' : field, group, out);
}

/**
 * A field, or unlabelled content, sentence by sentence: the first sentence names the parties;
 * a later one only where it has a role word of its own (以下均需…落实，下同 is a note).
 */
function readSentences(src: Source, start: number, end: number, role: Role, group: number, out: ClauseContent): number {
  let from = start;
  let first = true;
  while (from < end) {
    let stop = src.shadow.indexOf('。', from);
    if (stop < 0 || stop >= end) stop = end;
    const sentence = src.shadow.slice(from, stop);
    if (FIRST_LISTED.test(sentence)) {
      // 列第一位者为牵头单位，下同: the statement names nobody (in brackets after the names, from its bracket on).
      out.statesConvention = true;
      let at = from + sentence.search(FIRST_LISTED);
      for (let k = at - 1, depth = 0; k >= from; k--) {
        const b = bracketOf(src.shadow.charCodeAt(k));
        if (b < 0) depth++;
        else if (b > 0 && depth-- === 0) {
          at = k;
          break;
        }
      }
      out.roleWords.push({ text: intern(src.text.slice(at, stop)), span: { start: at, end: stop } });
      if (at > from) group = readRoleWords(src, from, at, role, group, out);
    } else if (first || hasRoleWord(sentence)) group = readRoleWords(src, from, stop, role, group, out);
    first = false;
    from = stop + 1;
  }
  return group;
}

function hasRoleWord(s: string): boolean {
  ROLE_WORDS.lastIndex = 0;
  return ROLE_WORDS.test(s);
}

function readRoleWords(src: Source, start: number, end: number, role: Role, group: number, out: ClauseContent): number {
  if (end <= start) return group;
  const region = src.shadow.slice(start, end);
  ROLE_WORDS.lastIndex = 0;
  let from = 0;
  let depth = 0;
  let depthAt = 0;
  let afterWith = false;
  let seen = false;
  for (let m = ROLE_WORDS.exec(region); m; m = ROLE_WORDS.exec(region)) {
    // Role words inside a nested bracket belong to a name, not to the clause.
    for (; depthAt < m.index; depthAt++) {
      const b = bracketOf(region.charCodeAt(depthAt));
      if (b > 0) depth++;
      else if (b < 0) depth = Math.max(0, depth - 1);
    }
    if (depth > 0) continue;
    const verb = VERB.get(m[1])!;
    out.roleWords.push({ text: intern(src.text.slice(start + m.index, start + m.index + m[1].length)), span: { start: start + m.index, end: start + m.index + m[1].length } });
    // After 会同 the names cooperate, whatever the next role word says (X会同Y负责).
    const given: Role = afterWith ? 'cooperating' : verb === 'with' ? 'lead' : verb;
    group = addNames(src, start + from, start + m.index, given, group, out);
    afterWith = verb === 'with';
    seen = true;
    from = m.index + m[1].length;
  }
  // Text after the last role word: deadlines, notes, or parties the role word did not name.
  if (from < region.length) {
    const hasLead = out.parties.some((p) => p.role === 'lead');
    const rest: Role = afterWith ? 'cooperating' : !seen ? role : hasLead ? 'cooperating' : 'responsible';
    group = addNames(src, start + from, end, rest, group, out);
  }
  return group;
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

/** Trims blanks, leading words (由), a qualifier (按照各自征管范围) and a tail (等部门) off a name. */
function trimName(src: Source, slice: NameSlice): NameSlice | undefined {
  const { shadow } = src;
  let { start, end } = slice;
  while (start < end && (isBlank(shadow.charCodeAt(start)) || shadow[start] === '。')) start++;
  while (end > start && (isBlank(shadow.charCodeAt(end - 1)) || shadow[end - 1] === '。')) end--;
  let s = shadow.slice(start, end);
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
  let t = stripTail(s);
  // 体育总局要（会同…）, 国务院办公厅将（会同…）: a modal word after the subject of prose is no part of its name.
  const modal = /(要|将|应|须|应当|继续|积极)$/.exec(t);
  if (modal && endsLikeAgency(t.slice(0, -modal[0].length))) t = t.slice(0, -modal[0].length);
  end -= s.length - t.length;
  while (end > start && isBlank(shadow.charCodeAt(end - 1))) end--;
  return end > start ? { start, end, group: slice.group } : undefined;
}

/** Splits names joined by 和 / 及 / 以及 / 与 when both sides look like agencies (X等和各省级人民政府 too). */
function splitJoined(src: Source, slice: NameSlice): NameSlice[] {
  const s = src.shadow.slice(slice.start, slice.end);
  JOINERS.lastIndex = 0;
  const out: NameSlice[] = [];
  let from = 0;
  for (let m = JOINERS.exec(s); m; m = JOINERS.exec(s)) {
    const left = s.slice(from, m.index);
    const right = s.slice(m.index + m[0].length);
    const bare = stripTail(left);
    // 各有关部门和单位 stays one collective: 单位 alone is no body.
    if ((endsLikeAgency(bare) || isCollective(bare)) && (endsLikeAgency(right) || isCollective(right)) && !/^(单位|部门|机构|企业|方面)/.test(right)) {
      out.push({ start: slice.start + from, end: slice.start + from + bare.length, group: slice.group });
      from = m.index + m[0].length;
    }
  }
  if (out.length === 0) return [slice];
  out.push({ start: slice.start + from, end: slice.end, group: slice.group });
  return out;
}

function addAside(src: Source, start: number, end: number, into: Aside[]): void {
  while (start < end && (isBlank(src.shadow.charCodeAt(start)) || '，,；;。'.includes(src.shadow[start]))) start++;
  while (end > start && (isBlank(src.shadow.charCodeAt(end - 1)) || '，,；;。'.includes(src.shadow[end - 1]))) end--;
  if (end > start) into.push({ text: src.text.slice(start, end), span: { start, end } });
}

function addNames(src: Source, start: number, end: number, kind: Role | 'official', group: number, out: ClauseContent): number {
  const { names, groups } = splitNames(src.shadow, start, end, group);
  let groupPrefix = '';
  let prefixGroup = -1;
  let eachOf = ''; // the group's first name starts with 各 (各有关): 各有关区、县级市 is 各有关区 and 各有关县级市
  // The ending the group's last name gives its bare levels: 各市（县）、区政府 is 各市（县）政府 and 各区政府.
  const endings = new Map<number, string>();
  for (const raw of names) {
    const last = compact(src.shadow.slice(raw.start, raw.end));
    const m = /^(?:各)?(?:市|县|区|旗|乡|镇|乡镇|街道)(?:[（(][^）)]*[）)])?((?:人民)?政府)$/.exec(last);
    endings.set(raw.group, m ? m[1] : '');
  }
  for (const raw of names) {
    const trimmed = trimName(src, raw);
    if (!trimmed) continue;
    for (const slice of splitJoined(src, trimmed)) {
      const written = src.text.slice(slice.start, slice.end);
      const plain = compact(src.shadow.slice(slice.start, slice.end));
      if (!plain) continue;
      const span: Span = { start: slice.start, end: slice.end };
      if (FIRST_LISTED.test(plain)) {
        out.statesConvention = true;
        out.roleWords.push({ text: intern(written), span });
        continue;
      }
      if (kind === 'official' || isOfficial(plain)) {
        out.officials.push({ text: written, span });
        continue;
      }
      if (isDeadline(plain)) {
        out.deadlines.push({ text: written, span });
        continue;
      }
      // 市财政局(第一责任单位为牵头单位，下同): the statement in brackets after a name names nobody.
      const after = /[（(]([^（）()]*)[）)]?$/.exec(plain);
      if (after && FIRST_LISTED.test(after[1])) {
        out.statesConvention = true;
        const cut0 = plain.length - after[0].length;
        out.roleWords.push({ text: intern(src.text.slice(slice.start + cut0, slice.end)), span: { start: slice.start + cut0, end: slice.end } });
        span.end = slice.start + cut0;
      }
      const plainHere = after && FIRST_LISTED.test(after[1]) ? plain.slice(0, plain.length - after[0].length) : plain;
      // 市发改委（牵头）: a role marked after the name.
      const marker = ROLE_MARKER.exec(plainHere);
      let role: Role = kind;
      let plainName = plainHere;
      if (marker) {
        role = /牵头|主办|召集/.test(marker[1]) ? 'lead' : 'cooperating';
        plainName = plainHere.slice(0, marker.index);
      }
      let cut = written;
      if (plainName !== plain) {
        // The written name without what was cut off its end (blanks inside the name are kept).
        let k = slice.start;
        for (let got = 0; k < slice.end && got < plainName.length; k++) if (!isBlank(src.shadow.charCodeAt(k))) got++;
        cut = src.text.slice(slice.start, k);
        span.end = k;
      }
      if (!isPartyName(plainName)) continue;
      const own = compact(cut);
      let name = own;
      let prefix = '';
      const collective = isCollective(plainName);
      if (slice.group !== prefixGroup) {
        // The first name of a comma group sets the prefix the rest of the group carries.
        prefixGroup = slice.group;
        groupPrefix = levelPrefix(plainName);
        eachOf = /^(各有关|各相关|各)/.exec(plainName)?.[0] ?? '';
      } else if (eachOf && /^(县级市|县市区|县区|旗县|县|区|市|旗|乡镇|镇|乡|街道|部门|单位|直属机构|委|办|厅|局)((?:人民)?政府)?$/.test(plainName)) {
        prefix = eachOf;
        name = prefix + own;
      } else if (groupPrefix && takesPrefix(plainName)) {
        prefix = carriedOnto(groupPrefix, plainName);
        name = prefix + own;
      }
      const ending = endings.get(slice.group) ?? '';
      const suffix = ending && /^(?:各|各有关)?(?:市|县|区|旗|乡|镇|乡镇|街道)(?:[（(][^）)]*[）)])?$/.test(plainName) ? ending : '';
      out.parties.push({ written: intern(cut), name: intern(name + suffix), role, span, group: slice.group, prefix: intern(prefix), suffix: intern(suffix), collective: collective || (prefix !== '' && prefix === eachOf) || (!!suffix && name.startsWith('各')), agency: undefined, agencyId: undefined, shortForm: false });
    }
  }
  return Math.max(group, groups - 1) + 1;
}
