// The document model: what a 分工方案 is made of, in the users' words.
import type { LineIndex, Span } from './text';
import type { PlanDate } from './registry/registry';
import type { DateSource } from './parse/dates';

export type Role = 'lead' | 'cooperating' | 'responsible';

export type HeadingKind = 'chapter' | 'section' | 'item' | 'subitem';

export interface Heading {
  kind: HeadingKind;
  /** 1 for 一、, 2 for (一), 3 for 1. / 1、, 4 for (1). */
  level: 1 | 2 | 3 | 4;
  number: number;
  /** The number as written: 二十九, 12. */
  numberText: string;
  /** The whole marker as written: `一、`, `(二十九)`, `1.`, `(1)`. */
  marker: string;
  markerSpan: Span;
  title: string;
  titleSpan: Span;
  /** The heading line, from marker to line end. */
  span: Span;
  line: number;
  /** Index of the enclosing heading in `PlanModel.headings`. */
  parent?: number;
  /** Span the heading governs: up to the next heading of the same or a higher level. */
  extent: Span;
}

export interface Party {
  /** The name as written in the clause. */
  written: string;
  /** The name with its comma group's carried prefix restored. */
  name: string;
  role: Role;
  span: Span;
  /** Index of the comma group in the clause (a prefix carries within a group). */
  group: number;
  /** The level prefix carried to this name from its group's first name (自治区), '' when none. */
  prefix: string;
  /** The ending its group's last name gives it: 各市、县人民政府 is 各市人民政府 and 各县人民政府. */
  suffix: string;
  /** Registry agency (canonical name) when known. */
  agency?: string;
  /** That agency's id in the registry (a name may belong to bodies of different times). */
  agencyId?: string;
  /** Known as a short form of the agency's name (区卫健局 for 区卫生健康局), not by a name the registry lists. */
  shortForm: boolean;
  /** 各盟市人民政府, 相关盟市, 国务院各部门: real parties, never unknown. */
  collective: boolean;
}

export interface Aside {
  text: string;
  span: Span;
}

export interface Clause {
  /** From the opening bracket (or the first label) to the closing bracket (or line end). */
  span: Span;
  contentSpan: Span;
  /** bracket: (X牵头); labelled: 牵头单位：X; table: a row's role cells; prose: 由X牵头，Y配合. */
  form: 'bracket' | 'labelled' | 'table' | 'prose';
  open?: string;
  close?: string;
  unclosed: boolean;
  mismatched: boolean;
  /** The brackets' own spans (findings point at them). */
  openSpan?: Span;
  closeSpan?: Span;
  parties: Party[];
  /** Officials (分管副省长, 牵头领导:NAME): people, not agencies. */
  officials: Aside[];
  /** Deadlines (年内持续推进, 完成时限:…): not agencies either. */
  deadlines: Aside[];
  /** Role words and labels as written, for colouring and hover. */
  roleWords: Aside[];
  /** The clause states the document's convention: the first-listed unit leads (下同: from here on). */
  statesConvention: boolean;
  /** Findings of this clause alone, kept while the clause, registry and settings stay the same (internal). */
  findings?: { key: object; registry: object | undefined; list: unknown[] };
  /** The registry its parties were resolved against (internal). */
  resolvedWith?: object;
}

/** A task's deadline (parse/deadlines.ts): the clause's deadline text and the date it names. */
export interface Deadline {
  /** As written: `2024年底前完成`, `持续推进` (several pieces joined with `；`). */
  text: string;
  span: Span;
  /**
   * `2024-12`, `2024-06-30`, `2024`, or `ongoing` (持续推进, 长期坚持, 每年); undefined when the
   * text names no date that can be read (适时, or 6月底前 in a plan with no date).
   */
  date?: string;
}

export interface Task {
  name: string;
  nameSpan: Span;
  /** The task's text, from its start to the end of its clause. */
  span: Span;
  clause?: Clause;
  /** Innermost heading above the task. */
  heading?: number;
  line: number;
  /** When it is due, where its clause says (never a party). */
  deadline?: Deadline;
}

export type ParagraphKind =
  | 'title'
  | 'noise'
  | 'preamble'
  | 'heading'
  | 'body'
  | 'labelled'
  | 'clause-only'
  | 'table'
  | 'signature';

export interface Paragraph {
  kind: ParagraphKind;
  span: Span;
  line: number;
  heading?: number;
}

export interface PlanModel {
  text: string;
  lines: LineIndex;
  title?: Aside;
  preamble?: Span;
  headings: Heading[];
  tasks: Task[];
  clauses: Clause[];
  paragraphs: Paragraph[];
  /** The notice says the first-listed unit leads (列第一位的为牵头单位). */
  firstListedLeads: boolean;
  /** The plan's date (文号, date line or title year), when it states one. */
  date?: { date: PlanDate; source: DateSource };
  /** Written in traditional characters (a page through a big5 gateway): names resolve by their simplified forms. */
  traditional: boolean;
  sectionNumbering: 'run-on' | 'per-chapter';
  /** Items (1. 1、) numbered on across sections, or afresh under each section. */
  itemNumbering: 'run-on' | 'per-parent';
}
