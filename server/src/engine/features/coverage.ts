// Coverage: is every measure of the source document (上位文件: a 政府工作报告, a 规划) assigned to a
// task of the plan, and does every task come from the source? The source is split into measures
// (the sentences that carry one: 推进…, 加快…, 支持…, a numbered item), each task is compared
// with each measure by character bigrams weighted by TF-IDF over the source's measures (a bigram
// every measure shares — 发展, 推进 — weighs nothing), and a task covers a measure when their
// similarity reaches a threshold chosen on hand annotations (tests/fixtures/real/coverage/).
// One task may cover several measures and one measure may be split over several tasks.
//
// Cheap as you type: a source is indexed once per text (its measures, their vectors and the
// weights); a task's matches are kept by the task's text, so an edit re-scores only the tasks
// it changed. Pure and total: any text in, a result out.
import type { PlanModel, Task } from '../model';
import type { Span } from '../text';
import { findingOf, type Finding, type FindingOptions } from '../rules/rules';
import { taskAt } from './at';
import { escapeMarkdown } from './hover';

export interface Measure {
  /** Index in `SourceIndex.measures`. */
  index: number;
  /** The sentence, as written in the source (trimmed, without its numbering marker). */
  text: string;
  span: Span;
  /** 0-based line in the source. */
  line: number;
  /** The numbered heading above it in the source (`（五）大力实施乡村振兴战略`), if any. */
  heading?: string;
}

export interface SourceIndex {
  text: string;
  measures: Measure[];
  /** The source has numbered headings or items (一、 (一) 1.); false: measures come from sentences alone. */
  numbered: boolean;
  /** Measures past MAX_MEASURES were left out (a very large source). */
  truncated: boolean;
  /** @internal bigram → id, its weight, and the measures' unit vectors. */
  readonly ids: Map<string, number>;
  readonly idf: Float64Array;
  readonly vectors: Vec[];
  /** @internal a task's matches by its text: what makes re-scoring per keystroke cheap. */
  readonly byTask: Map<string, Match[]>;
  /** @internal for each bigram id, the measures holding it and their weights (CSR). */
  readonly postings: { postStart: Int32Array; postMeasures: Int32Array; postWeights: Float64Array };
}

export interface Match {
  measure: number;
  score: number;
}

export interface TaskCoverage {
  task: Task;
  /** The measures it covers, best first. */
  measures: Match[];
}

export interface CoverageResult {
  /** Measures assigned / all measures (1 when the source has none). */
  ratio: number;
  assigned: number;
  total: number;
  unassigned: Measure[];
  /** Tasks that match no measure. */
  unsourced: Task[];
  tasks: TaskCoverage[];
  source: SourceIndex;
}

export interface CoverageOptions {
  /** A task covers a measure from this similarity on (0…1). */
  threshold?: number;
}

/** Chosen on the annotations (tests/engine/coverage.test.ts reports precision and recall). */
export const COVERAGE_THRESHOLD = 0.5;
/** A 2 MB source yields tens of thousands of sentences: past this many, the rest are left out (and said). */
export const MAX_MEASURES = 5000;
/** Past this many characters a source is read no further (bounded time on any input). */
export const MAX_SOURCE_CHARS = 2_000_000;

// Sentences that carry a measure begin with one of these verbs, after an adverb or two.
const ADVERBS = '要|将|还要|继续|进一步|大力|积极|深入|全面|加快|加大|着力|扎实|切实|持续|坚决|稳步|稳妥|有序|统筹|重点|多渠道|分类|因地制宜|依法|严格|不断|逐步|更好|努力|认真|科学|及时|优先|合理|稳妥|适当|适度';
const VERBS = '推进|推动|推行|加快|支持|建立|建设|完善|实施|实行|健全|深化|加强|强化|促进|扩大|提高|提升|落实|开展|培育|发展|鼓励|坚持|稳定|优化|改善|改进|改革|探索|新增|新建|严控|严禁|严格|制定|出台|规范|降低|减少|取消|简化|引导|增加|打好|打赢|巩固|构建|保持|维护|防范|化解|保障|确保|做好|抓好|创新|整治|治理|保护|开发|设立|增设|启动|试点|全面|壮大|拓展|扶持|放宽|清理|简政|下放|减轻|减免|降|提|增强|筑牢|守住|修订|研究|编制|组织|部署|举办|办好|用好|管好|严厉|打击|依法|淘汰|化解|处置|整合|统一|调整|恢复|延长|允许|纳入|处置|塑造|补齐|壮大|攻坚|加大|做大|做强|运用|大幅|压减|弘扬|创建|开放|放开|安排|完成|压缩|采取|发挥|把';
const MEASURE_VERB = new RegExp(`^(?:(?:${ADVERBS})\\s*)*(?:${VERBS})`);
// …，要加强…; …，积极稳妥处置…: a measure in a later clause, after 要 or an adverb.
const LATER_MEASURE = new RegExp(`(?:要|[，,](?:${ADVERBS})+)(?:(?:${ADVERBS})\\s*)*(?:${VERBS})`);
// 发展是解决我国一切问题的基础和关键: a statement, whatever word it opens with.
const STATEMENT = /^[^，,；;]{1,14}是(?!否)/;
const ORDINAL = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]是|首先|其次|此外|另外|同时)[，,：:]?/;
// A quantified target anywhere in the sentence (中央预算内投资安排5000亿元; 能耗下降3.4%以上).
const QUANTITY = /\d+(?:\.\d+)?\s*(?:%|％|万|亿|千|百|个|项|公里|亩|吨|人|家|所|座|户)/;
const TARGET_WORD = /增长|下降|减少|提高|达到|超过|以上|以内|左右|安排|新增|完成|控制在/;
// Targets for the year (今年再减少…, 到2020年…) are measures too.
const TARGET = /^(?:(?:今年|明年|年内|全年|到20\d\d年)(?=[^，,]*\d)|以.{1,24}?为(?:重点|引领|抓手|主线|导向|核心|突破口))/;
// Not measures: addresses, exhortations, reviews of the past.
const BOILERPLATE = /^(?:各位代表|我们要|我们将|我们一定|我们必须|我们|过去|一年来|五年来|这些|这是|今年是|当前|总的看|总之|必须|要看到)/;
// 一、 (一) 1. 1、 (1) ① 一是, at a line start.
const MARKER = /^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|\d{1,3}[.、．](?!\d)|[（(]\d{1,3}[)）]|[①-⑳]|[一二三四五六七八九十]是[，,:：]?)\s*/;
// A chapter that reviews the past (一、过去五年工作回顾) holds no measure of this year's.
const REVIEW_HEADING = /回顾|总结|过去.{0,4}工作$/;
const CHAPTER = /^\s*[一二三四五六七八九十百]+、/;

/** Splits a source into its measures and weighs their bigrams. Never throws. */
export function indexSource(input: string): SourceIndex {
  const text = typeof input === 'string' ? input.slice(0, MAX_SOURCE_CHARS) : '';
  const measures: Measure[] = [];
  let numbered = false;
  let truncated = false;
  let inReview = false;
  let heading: string | undefined;
  let line = 0;
  let pos = 0;
  while (pos <= text.length && !truncated) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const raw = text.slice(pos, end).replace(/\r$/, '');
    const marker = MARKER.exec(raw);
    if (marker) numbered = true;
    const body = marker ? raw.slice(marker[0].length) : raw;
    const bodyStart = pos + (marker ? marker[0].length : 0);
    if (CHAPTER.test(raw)) {
      inReview = REVIEW_HEADING.test(firstSentence(body));
      heading = undefined;
    }
    // A heading line: a number and a title with no sentence end, or a short line with none.
    const isHeading = !/[。；;！!？?]/.test(body.replace(/[。；;]\s*$/, '')) && body.trim().length <= 40 && (!!marker || !/[。；;]\s*$/.test(body));
    if (marker && body.trim()) heading = `${marker[0].trim()}${firstSentence(body)}`;
    if (!inReview && body.trim() && !(isHeading && !marker)) {
      for (const s of sentences(body, bodyStart)) {
        const t = s.text;
        const first = s.start === bodyStart;
        // A numbered line's first sentence is its title (（五）大力实施乡村振兴战略。科学制定规划…), a
        // heading; a numbered line of one sentence is an item, and a measure when it reads as one.
        if (first && marker && s.more) continue;
        if (t.length < 4 || BOILERPLATE.test(t) || !carriesMeasure(t)) continue;
        if (measures.length >= MAX_MEASURES) {
          truncated = true;
          break;
        }
        measures.push({ index: measures.length, text: t, span: { start: s.start, end: s.start + t.length }, line, heading });
      }
    }
    pos = end + 1;
    line++;
  }
  // Weights: inverse document frequency over the measures.
  const ids = new Map<string, number>();
  const df: number[] = [];
  const bags = measures.map((m) => {
    const bag = bigrams(m.text);
    for (const b of bag.keys()) {
      let id = ids.get(b);
      if (id === undefined) ids.set(b, (id = df.length)), df.push(0);
      df[id]++;
    }
    return bag;
  });
  const n = measures.length;
  const idf = new Float64Array(df.length);
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((n + 1) / (df[i] + 0.5));
  const vectors: Vec[] = [];
  const postings = { postStart: new Int32Array(df.length + 1), postMeasures: new Int32Array(0), postWeights: new Float64Array(0) };
  const source: SourceIndex = { text, measures, numbered, truncated, ids, idf, vectors, byTask: new Map(), postings };
  for (const bag of bags) vectors.push(vectorOf(bag, source));
  // Postings by counting: df gives each bigram's share of the flat arrays.
  for (let i = 0; i < df.length; i++) postings.postStart[i + 1] = postings.postStart[i] + df[i];
  const fill = postings.postStart.slice(0, df.length);
  postings.postMeasures = new Int32Array(postings.postStart[df.length]);
  postings.postWeights = new Float64Array(postings.postStart[df.length]);
  vectors.forEach((v, m) => {
    for (let i = 0; i < v.ids.length; i++) {
      const k = fill[v.ids[i]]++;
      postings.postMeasures[k] = m;
      postings.postWeights[k] = v.weights[i];
    }
  });
  return source;
}

/** Aligns the plan's tasks with the source's measures. Never throws. */
export function coverageOf(model: PlanModel, source: SourceIndex, options: CoverageOptions = {}): CoverageResult {
  const threshold = options.threshold ?? COVERAGE_THRESHOLD;
  const covered = new Uint8Array(source.measures.length);
  const tasks: TaskCoverage[] = [];
  const unsourced: Task[] = [];
  // Tasks whose text is gone are dropped from the cache: it holds the tasks of the last plans only.
  const seen = new Set<string>();
  for (const task of model.tasks) {
    const text = taskText(model, task);
    seen.add(text);
    let matches = source.byTask.get(text);
    if (!matches) source.byTask.set(text, (matches = matchTask(text, source)));
    const mine = matches.filter((m) => m.score >= threshold);
    for (const m of mine) covered[m.measure] = 1;
    tasks.push({ task, measures: mine });
    if (mine.length === 0) unsourced.push(task);
  }
  if (source.byTask.size > Math.max(4 * seen.size, 2000)) for (const k of [...source.byTask.keys()]) if (!seen.has(k)) source.byTask.delete(k);
  const unassigned = source.measures.filter((m) => !covered[m.index]);
  const total = source.measures.length;
  const assigned = total - unassigned.length;
  return { ratio: total ? assigned / total : 1, assigned, total, unassigned, unsourced, tasks, source };
}

/** A task's own words: its name and text up to its clause (the agencies are no part of the measure). */
export function taskText(model: PlanModel, task: Task): string {
  const clause = task.clause;
  // A table row's clause is its role cells, around the task's cell: the row without its parties.
  if (clause && clause.form === 'table') {
    let out = '';
    let at = task.span.start;
    for (const p of clause.parties) {
      if (p.span.start < at || p.span.end > task.span.end) continue;
      out += model.text.slice(at, p.span.start) + ' ';
      at = p.span.end;
    }
    return out + model.text.slice(at, task.span.end);
  }
  const end = clause ? Math.min(clause.span.start, task.span.end) : task.span.end;
  return model.text.slice(task.span.start, Math.max(task.span.start, end));
}

/**
 * Every measure the task's text may cover, with its score: the best of the cosine between the
 * measure and the task as a whole, each of its sentences, and each two adjacent sentences (a plan
 * merges or splits the source's sentences), and the share of the measure's weight the task holds
 * (a long task quoting many measures).
 */
export function matchTask(text: string, source: SourceIndex): Match[] {
  const out: Match[] = [];
  const n = source.measures.length;
  if (!n) return out;
  const parts = sentences(text.replace(MARKER, ''), 0).map((s) => s.text);
  const whole = vectorOf(bigrams(text), source);
  const windows: Vec[] = [whole];
  for (let i = 0; i < parts.length && parts.length > 1; i++) {
    windows.push(vectorOf(bigrams(parts[i]), source));
    if (i + 1 < parts.length) windows.push(vectorOf(bigrams(parts[i] + parts[i + 1]), source));
  }
  // Through the postings: only the measures that share a bigram with the task are touched.
  const best = new Float64Array(n);
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const { postMeasures, postWeights, postStart } = source.postings;
  for (const w of windows) {
    for (let i = 0; i < w.ids.length; i++) {
      const id = w.ids[i];
      const x = w.weights[i];
      for (let k = postStart[id]; k < postStart[id + 1]; k++) {
        const m = postMeasures[k];
        if (acc[m] === 0) touched.push(m);
        acc[m] += postWeights[k] * x;
      }
    }
    for (const m of touched) {
      if (acc[m] > best[m]) best[m] = acc[m];
      acc[m] = 0;
    }
    touched.length = 0;
  }
  // The share of the measure's weight found in the task: the squared weights of the bigrams both hold.
  const held = acc;
  for (let i = 0; i < whole.ids.length; i++) {
    const id = whole.ids[i];
    for (let k = postStart[id]; k < postStart[id + 1]; k++) {
      const m = postMeasures[k];
      if (held[m] === 0) touched.push(m);
      held[m] += postWeights[k] * postWeights[k];
    }
  }
  // The share of the task's weight found in the measure: a task that is a fragment of a long
  // measure (a 量化指标 row: 铁路投资8000亿元以上).
  const part = new Float64Array(n);
  for (let i = 0; i < whole.ids.length; i++) {
    const id = whole.ids[i];
    const x = whole.weights[i];
    for (let k = postStart[id]; k < postStart[id + 1]; k++) part[postMeasures[k]] += x * x;
  }
  // Short texts are held by many a long one by chance (发展壮大新动能): their share counts in part.
  const taskDamp = 0.9 * Math.min(1, windows[0].ids.length / 10);
  for (const m of touched) {
    const score = Math.max(best[m], held[m] * 0.9 * Math.min(1, source.vectors[m].ids.length / 10), part[m] * taskDamp);
    if (score > 0.1) out.push({ measure: m, score });
  }
  out.sort((a, b) => b.score - a.score || a.measure - b.measure);
  return out.slice(0, 50);
}

// Sparse unit vectors over the source's bigram ids (bigrams unknown to the source weigh as the rarest).
interface Vec {
  ids: Int32Array;
  weights: Float64Array;
}

function vectorOf(bag: Map<string, number>, source: SourceIndex): Vec {
  const known: [number, number][] = [];
  let norm = 0;
  const rare = Math.log((source.measures.length + 1) / 0.5);
  for (const [b, tf] of bag) {
    const id = source.ids.get(b);
    const w = (1 + Math.log(tf)) * (id === undefined ? rare : source.idf[id]);
    norm += w * w;
    if (id !== undefined) known.push([id, w]);
  }
  known.sort((a, b) => a[0] - b[0]);
  const len = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(known, (k) => k[0]), weights: Float64Array.from(known, (k) => k[1] / len) };
}

/** Character bigrams of the Chinese and alphanumeric runs (punctuation and spaces split runs). */
export function bigrams(s: string): Map<string, number> {
  const bag = new Map<string, number>();
  const norm = s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const run of norm.split(/[^\p{Script=Han}A-Za-z0-9%.]+/u)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const b = run.slice(i, i + 2);
      bag.set(b, (bag.get(b) ?? 0) + 1);
    }
  }
  return bag;
}

/** Sentences of a line: ended by 。；！？ (a closing quote stays with its sentence). */
function sentences(line: string, offset: number): { text: string; start: number; more: boolean }[] {
  const out: { text: string; start: number; more: boolean }[] = [];
  const re = /[^。；;！!？?]+(?:[。；;！!？?]+[”’」』]?|$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim().replace(/[。；;！!？?]+[”’」』]?$/, (p) => (/[”’」』]$/.test(p) ? p.slice(-1) : ''));
    if (t) out.push({ text: t, start: offset + m.index + lead, more: false });
  }
  for (let i = 0; i + 1 < out.length; i++) out[i].more = true;
  return out;
}

/** A measure verb opens the sentence (not a statement X是Y), or follows 要 or an adverb in a later clause. */
function carriesMeasure(sentence: string): boolean {
  // 一是…、二是… and 其中 enumerate: what follows is the sentence.
  const t = sentence.replace(ORDINAL, '');
  if (TARGET.test(t) || LATER_MEASURE.test(t) || (QUANTITY.test(t) && TARGET_WORD.test(t))) return true;
  return MEASURE_VERB.test(t) && !STATEMENT.test(t);
}

function firstSentence(s: string): string {
  return s.split(/[。；;！!？?]/)[0].trim();
}

/** How many unassigned measures the finding on the plan lists by name (the view and the checker list all). */
export const LISTED_MEASURES = 10;

/** The findings of a coverage result: one on the plan listing the unassigned measures, one on each unsourced task. */
export function coverageFindings(model: PlanModel, result: CoverageResult, options: FindingOptions = {}): Finding[] {
  const out: Finding[] = [];
  if (result.unassigned.length) {
    const listed = result.unassigned.slice(0, LISTED_MEASURES).map((m) => `“${clip(m.text, 24)}”（${m.line + 1}）`);
    const more = result.unassigned.length - listed.length;
    const list = listed.join('；') + (more > 0 ? ` … +${more}` : '');
    const span = model.title?.span ?? { start: 0, end: Math.min(model.text.length, Math.max(0, model.text.indexOf('\n'))) };
    const f = findingOf('coverage.unassigned', span, { count: String(result.unassigned.length), ratio: percent(result.ratio), list }, options);
    if (f) out.push(f);
  }
  for (const t of result.unsourced) {
    const f = findingOf('coverage.unsourced', t.nameSpan.end > t.nameSpan.start ? t.nameSpan : t.span, {}, options);
    if (f) out.push(f);
  }
  return out;
}

/** The source the plan says it carries out: 为贯彻落实《…》 in its title or preamble, else the first 《…》 there. */
export function statedSource(model: PlanModel): string | undefined {
  const head = [model.title?.text ?? '', model.preamble ? model.text.slice(model.preamble.start, Math.min(model.preamble.end, model.preamble.start + 2000)) : ''].join('\n');
  const m = /(?:贯彻|落实|实施|执行|分解)[^《\n]{0,12}《([^》\n]{2,80})》/.exec(head) ?? /《([^》\n]{2,80})》/.exec(head);
  return m?.[1];
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

/** Hover on a task: the source measures it covers, with their lines in the source (or that it matches none). */
export function coverageHoverAt(model: PlanModel, result: CoverageResult, offset: number): { span: Span; markdown: string } | undefined {
  const task = taskAt(model, offset);
  if (!task) return undefined;
  const mine = result.tasks.find((t) => t.task === task);
  if (!mine) return undefined;
  const m = result.source.measures;
  const lines = mine.measures.length
    ? [`**上位文件中的措施 (source measures)**: ${mine.measures.length}`, '', ...mine.measures.slice(0, 20).map((x) => `- 第 ${m[x.measure].line + 1} 行 (line ${m[x.measure].line + 1}): ${escapeMarkdown(m[x.measure].text)}`)]
    : ['**上位文件中没有对应的措施** (no measure of the source document)'];
  if (mine.measures.length > 20) lines.push(`- … +${mine.measures.length - 20}`);
  return { span: task.nameSpan.end > task.nameSpan.start ? task.nameSpan : task.span, markdown: lines.join('\n') };
}
