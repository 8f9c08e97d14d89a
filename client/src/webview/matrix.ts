// The responsibility matrix page, in the webview: agencies against chapters, sortable by any
// column, filtered by agency; a click on a count asks the panel to open its tasks. Bundled by
// esbuild to dist/matrix.js (with matrix.css); its data and words come from the panel
// (client/src/matrix/panel.ts) as messages.
import type { FromWebview, MatrixCell, MatrixData, MatrixStrings, Role, ToWebview } from '../matrix/messages';
import './matrix.css';

interface VsCodeApi<S> {
  postMessage(message: FromWebview): void;
  getState(): S | undefined;
  setState(state: S): void;
}
declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

type SortKey = 'agency' | Role | `${number}`;
interface State {
  sort: { key: SortKey; dir: 1 | -1 };
  filter: string;
}
type Row = MatrixData['rows'][number];
type Data = MatrixData & { file: string };

const vscode = acquireVsCodeApi<State>();
const state: State = vscode.getState() ?? { sort: { key: 'lead', dir: -1 }, filter: '' };
let data: Data | null = null;
let words: MatrixStrings | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const filter = $<HTMLInputElement>('filter');
filter.value = state.filter || '';

/** `{0} of {1}` with its values filled in. */
function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (values[Number(i)] === undefined ? m : String(values[Number(i)])));
}

type Attrs = Record<string, string | ((e: Event) => void)>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function sortValue(row: Row, key: SortKey): number | string {
  if (key === 'agency') return row.agency;
  if (key === 'lead' || key === 'cooperating' || key === 'responsible') return row[key] * 10000 + row.lead * 100 + row.cooperating;
  const c = row.cells[Number(key)];
  return c ? c.lead * 10000 + c.cooperating * 100 + c.responsible : 0;
}

function rows(d: Data): Row[] {
  const q = (state.filter || '').trim();
  const list = d.rows.filter((r) => !q || r.agency.includes(q) || r.aliases.some((a) => a.includes(q)));
  const { key, dir } = state.sort;
  return list.slice().sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
    return c * dir || d.rows.indexOf(a) - d.rows.indexOf(b);
  });
}

function open(agency: string, chapter: number, role?: Role): void {
  vscode.postMessage({ type: 'open', agency, chapter, role });
}

function countButton(label: string, title: string, onclick: () => void): HTMLButtonElement {
  return el('button', { title, onclick }, label);
}

// Always "lead / cooperating" (a dot for none), so a lone number is never ambiguous.
function cellContent(c: MatrixCell, w: MatrixStrings): HTMLElement[] {
  const num = (n: number, cls: string) => (n ? el('span', { class: cls }, String(n)) : el('span', { class: 'zero' }, '·'));
  const parts = [num(c.lead, 'lead'), el('span', { class: 'sep' }, ' / '), num(c.cooperating, '')];
  if (c.responsible) parts.push(el('span', { class: 'sep' }, ' + ' + c.responsible + w.responsibleMark));
  return parts;
}

function heat(c: MatrixCell): string {
  const n = c.lead * 2 + c.cooperating + c.responsible * 2;
  return n === 0 ? '' : n < 3 ? 'heat-1' : n < 6 ? 'heat-2' : 'heat-3';
}

function header(key: SortKey, label: string, title: string | null, cls = ''): HTMLTableCellElement {
  const sorted = state.sort.key === key;
  return el(
    'th',
    {
      class: cls,
      title: title || label,
      'aria-sort': sorted ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none',
      tabindex: '0',
      onclick: () => sortBy(key),
      onkeydown: (e) => {
        const k = (e as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') {
          e.preventDefault();
          sortBy(key);
        }
      },
    },
    label,
  );
}

function sortBy(key: SortKey): void {
  state.sort = state.sort.key === key ? { key, dir: state.sort.dir > 0 ? -1 : 1 } : { key, dir: key === 'agency' ? 1 : -1 };
  vscode.setState(state);
  render();
}

function render(): void {
  const w = words;
  const main = $('main');
  main.textContent = '';
  if (!w) return;
  filter.placeholder = w.filter;
  $('export').textContent = w.export;
  $('legend').textContent = w.legend;
  if (!data) {
    $('title').textContent = w.title;
    $('summary').textContent = '';
    main.append(el('div', { class: 'empty' }, w.empty));
    return;
  }
  const d = data;
  $('title').textContent = d.title || d.file;
  const list = rows(d);
  $('summary').textContent = fill(w.summary, list.length, d.rows.length);
  const withResponsible = d.rows.some((r) => r.responsible > 0);
  const head = el(
    'tr',
    {},
    header('agency', w.agency, null, 'agency'),
    header('lead', w.lead, w.leadTitle),
    header('cooperating', w.cooperating, w.cooperatingTitle),
    withResponsible ? header('responsible', w.responsible, w.responsibleTitle) : null,
    // A chapter by its number and title (the title wraps in a narrow column; hover shows it whole).
    ...d.chapters.map((c, i) => header(`${i}`, c.label || c.number, c.label, 'chapter')),
  );
  const body = el('tbody');
  for (const r of list) {
    const name = el('button', { title: r.aliases.length ? w.alsoWritten + r.aliases.join('、') : r.agency, onclick: () => open(r.agency, -1) }, r.agency);
    if (r.unknown) name.prepend(el('span', { class: 'unknown', title: w.notInRegistry }, '⚠ '));
    if (r.aliases.length) name.append(el('span', { class: 'alias' }, r.aliases.join('、')));
    const tr = el('tr', {}, el('td', { class: 'agency' + (r.unknown ? ' unknown' : '') }, name));
    const roles: Role[] = withResponsible ? ['lead', 'cooperating', 'responsible'] : ['lead', 'cooperating'];
    for (const role of roles) {
      tr.append(el('td', {}, r[role] ? countButton(String(r[role]), '', () => open(r.agency, -1, role)) : el('span', { class: 'zero' }, '·')));
    }
    r.cells.forEach((c, i) => {
      const any = c.lead || c.cooperating || c.responsible;
      const label = d.chapters[i].label;
      const title = c.responsible ? fill(w.cellTitleResponsible, label, c.lead, c.cooperating, c.responsible) : fill(w.cellTitle, label, c.lead, c.cooperating);
      const button = any ? countButton('', title, () => open(r.agency, i)) : null;
      if (button) button.append(...cellContent(c, w));
      tr.append(el('td', { class: 'cell ' + heat(c) }, button ?? ''));
    });
    body.append(tr);
  }
  main.append(el('table', {}, el('thead', {}, head), body));
  vscode.postMessage({ type: 'rendered', rows: list.length });
}

filter.addEventListener('input', () => {
  state.filter = filter.value;
  vscode.setState(state);
  if (data) render();
});
$('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m.type !== 'data') return;
  words = m.strings;
  data = m.matrix ? { ...m.matrix, file: m.file } : null;
  render();
});
render();
vscode.postMessage({ type: 'ready' });
