// Agency completion inside a clause, at any position: Chinese input methods often fire no
// trigger character. Only the current line is read, so the cost does not grow with the document.
import { findClauses, OPENERS } from '../parse/clauses';
import { levelPrefix, writtenFormIn } from '../parse/names';
import type { Agency, Registry } from '../registry/registry';
import type { Locale } from '../rules/rules';
import type { Span } from '../text';

/** A word for the drafter in the locale: Chinese, English, or both (Chinese first). */
export function say(locale: Locale | undefined, zh: string, en: string): string {
  return locale === 'en' ? en : locale === 'zh-cn' ? zh : `${zh} (${en})`;
}

/** Syllables of a Chinese string without tones: 商务厅 → ['shang', 'wu', 'ting']. Injected (pinyin-pro in the server). */
export type PinyinOf = (text: string) => string[];

export interface CompletionContext {
  registry?: Registry;
  pinyin?: PinyinOf;
  /** How often an agency (canonical name) is named in the workspace: used names rank first. */
  usage?: (agency: string) => number;
  /** The document's clause style for the snippet. */
  open?: string;
  close?: string;
  comma?: string;
  limit?: number;
  /** Where the plan's first heading starts: the title and preamble above it hold no task. */
  firstHeading?: number;
  /** The language of details and documentation (the display language). */
  locale?: Locale;
}

export interface CompletionItem {
  kind: 'agency' | 'clause';
  /** What is shown and inserted (a short form where the group's prefix carries). */
  label: string;
  insertText: string;
  /** True when insertText is a snippet with ${1:…} placeholders. */
  snippet: boolean;
  /** The full registry name and level. */
  detail: string;
  documentation?: string;
  /** Text the typed word is replaced in. */
  replace: Span;
  filterText: string;
  sortText: string;
  agency?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** More would match: ask again as the user types. */
  incomplete: boolean;
}

const NAME_BREAK = '、,，;；:：';

interface Entry {
  agency: Agency;
  name: string; // canonical
  /** Canonical name without its level prefix, and aliases: what a drafter may type. */
  forms: string[];
  /** The canonical name without its level prefix. */
  bare: string;
  /** The prefix the name is written with (自治区, 市, …), or ''. */
  prefix: string;
  initials: string;
  full: string;
  /** Which call last found the entry already in its clause (see `markWritten`). */
  stamp: number;
}

interface Index {
  entries: Entry[];
  /** Each entry by its name, bare name and aliases: how a written name finds its entry. */
  byForm: Map<string, Entry[]>;
  byChar: Map<string, Entry[]>;
  byLetter: Map<string, Entry[]>;
  /** Entries whose initials or full pinyin hold a pair of letters: any pinyin match holds its first two. */
  byPair: Map<string, Entry[]>;
  pinyin: boolean;
}

const indexes = new WeakMap<Registry, Index>();

function indexOf(registry: Registry, pinyin: PinyinOf | undefined): Index {
  const cached = indexes.get(registry);
  if (cached && (cached.pinyin || !pinyin)) return cached;
  const entries: Entry[] = [];
  const byChar = new Map<string, Entry[]>();
  const byLetter = new Map<string, Entry[]>();
  const byPair = new Map<string, Entry[]>();
  const byForm = new Map<string, Entry[]>();
  // Shorter names first, once: lists built in this order need no sorting per keystroke.
  // Current at the plan's date, each once (not overridden by a workspace entry, not abolished).
  const ordered = [...registry.current()];
  ordered.sort((a, b) => a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const agency of ordered) {
    const bare = agency.name.slice(levelPrefix(agency.name).length);
    let syllables: string[] = [];
    try {
      syllables = pinyin ? pinyin(bare) : [];
    } catch {
      syllables = [];
    }
    const e: Entry = {
      agency,
      name: agency.name,
      forms: [agency.name, ...agency.aliases],
      bare,
      prefix: levelPrefix(agency.name),
      initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase(),
      full: syllables.join('').toLowerCase(),
      stamp: 0,
    };
    entries.push(e);
    for (const f of new Set([e.name, e.bare, ...agency.aliases])) {
      let list = byForm.get(f);
      if (!list) byForm.set(f, (list = []));
      list.push(e);
    }
    const chars = new Set(e.forms.join(''));
    for (const ch of chars) {
      let list = byChar.get(ch);
      if (!list) byChar.set(ch, (list = []));
      list.push(e);
    }
    for (const letter of new Set(e.initials)) {
      let list = byLetter.get(letter);
      if (!list) byLetter.set(letter, (list = []));
      list.push(e);
    }
    const pairs = new Set<string>();
    for (const s of [e.initials, e.full]) for (let i = 0; i + 1 < s.length; i++) pairs.add(s.slice(i, i + 2));
    for (const pair of pairs) {
      let list = byPair.get(pair);
      if (!list) byPair.set(pair, (list = []));
      list.push(e);
    }
  }
  const index = { entries, byForm, byChar, byLetter, byPair, pinyin: !!pinyin };
  indexes.set(registry, index);
  return index;
}

/**
 * Match quality, lower is better, and the lead of the item's filterText: the form the typed text
 * starts (`jtyst` for jt, `交通运输厅` for 交, `运输厅` for 运输). The editor re-ranks by its own
 * fuzzy score on filterText; with every match's filterText starting with what was typed, the
 * scores tie and the editor keeps the server's order; typing on, the best forms still lead.
 */
const NOTHING_TYPED = { s: 5, lead: '' };

function score(e: Entry, typed: string, ascii: boolean, bareTyped: string): { s: number; lead: string } | undefined {
  if (!typed) return NOTHING_TYPED;
  if (ascii) {
    const t = typed.toLowerCase();
    if (e.initials.startsWith(t)) return { s: 2, lead: e.initials };
    if (e.full.startsWith(t)) return { s: 3, lead: e.full };
    const i = e.initials.indexOf(t);
    if (i >= 0) return { s: 4, lead: e.initials.slice(i) };
    const j = e.full.indexOf(t);
    if (j >= 0) return { s: 4, lead: e.full.slice(j) };
    return undefined;
  }
  let best: { s: number; lead: string } | undefined;
  for (const f of e.forms) {
    const bare = f.slice(levelPrefix(f).length);
    if (f.startsWith(typed)) return { s: 0, lead: f };
    if (bare.startsWith(bareTyped)) return { s: 0, lead: bareTyped === typed ? bare : typed + bare.slice(bareTyped.length) };
    const at = f.indexOf(typed);
    if (at >= 0 && best === undefined) best = { s: 1, lead: f.slice(at) };
  }
  return best;
}

const ROLE_TAIL = /(?:分别牵头|牵头|配合|参与|协同|协助|分别负责|按职责分工负责|负责)$/;
const LIST_TAIL = /(?:等有关部门|等相关部门|等部门|等有关单位|等单位|等)$/;

/** The names a clause already writes (as written, and without a level prefix): they are offered last. */
function namesIn(written: string): Set<string> {
  const out = new Set<string>();
  for (const piece of written.split(/[、,，;；:：]/)) {
    const name = piece.trim().replace(ROLE_TAIL, '').replace(LIST_TAIL, '');
    if (!name) continue;
    out.add(name);
    out.add(name.slice(levelPrefix(name).length));
  }
  return out;
}

let calls = 0;

/**
 * Stamps the entries the clause already names (a handful of lookups) and returns the stamp: the
 * loop over the whole registry then reads one number per entry instead of hashing its names.
 */
function markWritten(index: Index, names: Set<string>): number {
  const stamp = ++calls;
  for (const name of names) for (const e of index.byForm.get(name) ?? []) e.stamp = stamp;
  return stamp;
}

const ASCII = /^[a-zA-Z]+$/;

export function completeAt(text: string, offset: number, ctx: CompletionContext): CompletionResult {
  const none: CompletionResult = { items: [], incomplete: false };
  offset = Math.max(0, Math.min(offset, text.length));
  // The line around the cursor.
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;

  const clauses = findClauses(text, text, lineStart, lineEnd);
  const clause = clauses.find((c) => offset >= c.contentSpan.start && offset <= c.contentSpan.end) ?? clauseBeingWritten(text, offset, lineStart, lineEnd);
  if (!clause) return clauseSnippet(text, offset, lineStart, lineEnd, clauses.length > 0, ctx);
  if (!ctx.registry) return none;

  // The word being typed: back to the last name break.
  let wordStart = offset;
  while (wordStart > clause.contentSpan.start && !NAME_BREAK.includes(text[wordStart - 1]) && !OPENERS.includes(text[wordStart - 1])) wordStart--;
  const typed = text.slice(wordStart, offset).replace(/\s+/g, '');
  // Its comma group's first name decides the carried prefix.
  let groupStart = wordStart;
  while (groupStart > clause.contentSpan.start && !',，;；:：'.includes(text[groupStart - 1])) groupStart--;
  let firstEnd = groupStart;
  while (firstEnd < wordStart && text[firstEnd] !== '、') firstEnd++;
  const first = text.slice(groupStart, firstEnd).trim();
  const prefix = firstEnd < wordStart ? levelPrefix(first) : '';

  const ascii = ASCII.test(typed);
  const index = indexOf(ctx.registry, ctx.pinyin);
  let pool: Entry[];
  if (!typed) pool = index.entries;
  else if (ascii) pool = (typed.length > 1 ? index.byPair.get(typed.slice(0, 2).toLowerCase()) : index.byLetter.get(typed[0].toLowerCase())) ?? [];
  else {
    // The rarest character's list is the smallest pool that still holds every match.
    pool = index.entries;
    for (const ch of typed) {
      const list = index.byChar.get(ch);
      if (!list) return { items: [], incomplete: false };
      if (list.length < pool.length) pool = list;
    }
  }
  const bareTyped = prefix && typed.startsWith(prefix) ? typed.slice(prefix.length) : typed;
  // A list the editor can filter by itself (every match, each with its pinyin in filterText) saves
  // a request per keystroke and a race with Enter; only a registry too large for that gets a
  // partial list marked incomplete.
  const limit = ctx.limit ?? 300;
  // Names used in the workspace first (by use), then by match quality; within a quality the
  // pool's own order (shorter first); the names the clause already has (its lead, say) last.
  // Buckets, not a sort over thousands of candidates.
  const written = markWritten(index, namesIn(text.slice(clause.contentSpan.start, wordStart) + '、' + text.slice(offset, clause.contentSpan.end)));
  type Hit = { e: Entry; s: number; lead: string; used: number };
  const used: Hit[] = [];
  const buckets: Hit[][] = [[], [], [], [], [], []];
  const already: Hit[] = [];
  let matched = 0;
  for (const e of pool) {
    const m = score(e, typed, ascii, bareTyped);
    if (m === undefined) continue;
    let s = m.s;
    // After 自治区外事办、 the group's own government comes first: 交通运输厅 before 交通部.
    if (prefix && s < 5 && e.prefix !== prefix) s++;
    matched++;
    // Objects only for what is kept: with nothing typed the pool is the whole registry.
    const n = ctx.usage?.(e.name) ?? 0;
    if (e.stamp === written) {
      if (already.length < limit) already.push({ e, s, lead: m.lead, used: n });
    } else if (n > 0) used.push({ e, s, lead: m.lead, used: n });
    else if (buckets[s].length < limit) buckets[s].push({ e, s, lead: m.lead, used: 0 });
  }
  used.sort((a, b) => a.s - b.s || b.used - a.used);
  already.sort((a, b) => a.s - b.s || b.used - a.used);
  // The clause's own names keep their place at the end, however long the list.
  const room = limit - already.length;
  const scored: Hit[] = used.slice(0, room);
  for (const bucket of buckets) for (const h of bucket) if (scored.length < room) scored.push(h);
  scored.push(...already);
  const locale = ctx.locale;
  const firstAlready = scored.length - already.length;
  const items = scored.map(({ e, used, lead }, i): CompletionItem => {
    const label = writtenFormIn(prefix, e.name);
    const last = i >= firstAlready;
    // The lead first (see score); a name the clause has starts after a separator, so that the
    // editor's fuzzy score puts it below every other match. Then the name, its other names and
    // pinyin, so that the editor can go on filtering as the drafter types.
    const rest = [label, ...e.agency.aliases, e.initials, e.full].filter((x) => x && x !== lead);
    return {
      kind: 'agency',
      label,
      insertText: label,
      snippet: false,
      detail: e.name + (used ? ` · ${say(locale, `本工作区 ${used} 处`, `used ${used}× in the workspace`)}` : '') + (last ? ` · ${say(locale, '本条款已有', 'already in this clause')}` : ''),
      documentation: e.agency.aliases.length ? `${say(locale, '又称', 'also')}: ${e.agency.aliases.join('、')}` : undefined,
      replace: { start: wordStart, end: offset },
      filterText: `${last ? '_' : ''}${[lead, ...rest].filter(Boolean).join(' ')}`,
      sortText: String(i).padStart(5, '0'),
      agency: e.name,
    };
  });
  return { items, incomplete: matched > limit };
}

/**
 * `加快建设。(自治` — a bracket opened after a sentence, no role word yet: the drafter is
 * writing a clause's first name.
 */
function clauseBeingWritten(text: string, offset: number, lineStart: number, lineEnd: number): { contentSpan: Span } | undefined {
  let depth = 0;
  for (let i = offset - 1; i >= lineStart; i--) {
    const ch = text[i];
    if (')）〕]】'.includes(ch)) depth++;
    else if (OPENERS.includes(ch)) {
      if (depth > 0) {
        depth--;
        continue;
      }
      const before = i > lineStart ? text[i - 1] : '。';
      if (!'。；;！？ \u3000'.includes(before)) return undefined;
      let end = offset;
      while (end < lineEnd && !')）〕]】'.includes(text[end])) end++;
      return { contentSpan: { start: i + 1, end } };
    }
  }
  return undefined;
}

// A heading's marker at the start of a line: chapter 一、, section (一), item 1. / 1、, sub-item (1).
const CHAPTER_MARK = /^[ \t\u3000]*[零〇一二三四五六七八九十百两]+[ \t\u3000]*[、．.]/;
const SECTION_MARK = /^[ \t\u3000]*[(（][ \t\u3000]*[零〇一二三四五六七八九十百两]+[ \t\u3000]*[)）]/;
const ITEM_MARK = /^[ \t\u3000]*(?:\d+[ \t\u3000]*[.．、﹒](?!\d)|[(（]\d+[)）])/;
const SENTENCE_END = /[。；;！？]$/;

/**
 * After a task's text, with no clause yet on the line, a whole clause as a snippet: right after
 * a sentence of a task paragraph ends (。), never at a chapter's or section's title, in the title
 * and preamble above the first heading, or while a sentence is being typed (the editor opens its
 * list on every character typed, and Enter or Tab would take the snippet).
 */
function clauseSnippet(text: string, offset: number, lineStart: number, lineEnd: number, lineHasClause: boolean, ctx: CompletionContext): CompletionResult {
  const none = { items: [], incomplete: false };
  const before = text.slice(lineStart, offset).trim();
  if (lineHasClause || before.length < 4 || (offset < lineEnd && text.slice(offset, lineEnd).trim().length > 0)) return none;
  if (!SENTENCE_END.test(before)) return none;
  if (ctx.firstHeading === undefined || lineStart < ctx.firstHeading) return none;
  if (CHAPTER_MARK.test(before)) return none;
  const section = SECTION_MARK.exec(before);
  if (section) {
    // (一)title。 is the title; (一)title。task text。 is a task paragraph.
    const body = before.slice(section[0].length);
    const firstEnd = body.search(/[。；;！？]/);
    if (firstEnd < 0 || body.slice(firstEnd + 1).trim().length < 2) return none;
  }
  const item = ITEM_MARK.exec(before);
  if (item && before.slice(item[0].length).trim().length < 2) return none;
  const open = ctx.open ?? '(';
  const close = ctx.close ?? ')';
  const comma = ctx.comma ?? ',';
  const detail = say(ctx.locale, '责任条款', 'responsibility clause');
  return {
    items: [
      {
        kind: 'clause',
        label: `${open}…牵头${comma}…等部门配合${close}`,
        insertText: `${open}\${1:牵头单位}牵头${comma}\${2:配合单位}等部门配合${close}`,
        snippet: true,
        detail,
        replace: { start: offset, end: offset },
        filterText: '牵头 配合 clause qiantou',
        sortText: 'zz0',
      },
      {
        kind: 'clause',
        label: `${open}…负责${close}`,
        insertText: `${open}\${1:责任单位}负责${close}`,
        snippet: true,
        detail,
        replace: { start: offset, end: offset },
        filterText: '负责 clause fuze',
        sortText: 'zz1',
      },
    ],
    incomplete: false,
  };
}
