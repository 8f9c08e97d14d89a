// The responsibility matrix: agencies against chapters, lead and cooperating counts per cell,
// in a webview that follows the active plan. Sort by any column, filter by agency, click a
// count to go to its tasks. Also the export commands for the task table and the matrix.
// The data comes from the language server (MatrixRequest, ExportTableRequest, ExportMatrixRequest).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ExportMatrixRequest, ExportTableRequest, MatrixRequest, type ExportFormat, type ExportResult, type MatrixResult, type ViewTask } from '../../server/src/protocol';
import { PlanTracker, registerAgenciesView, revealTask, type AgenciesProvider } from './agencies';
import { planStem, type PlanFiles } from './planFiles';

export const MATRIX_VIEW_TYPE = 'fengong.matrix';
const zh = () => vscode.env.language.toLowerCase().startsWith('zh');

/** Messages from the webview. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; agency: string; chapter: number; role?: ViewTask['role'] }
  | { type: 'export' };

/** Several tasks: pick one; one task: go there. */
async function openTasks(tasks: ViewTask[], title: string): Promise<void> {
  if (tasks.length === 0) return;
  if (tasks.length === 1) return revealTask(tasks[0]);
  const role = { lead: zh() ? '牵头' : 'lead', cooperating: zh() ? '配合' : 'cooperating', responsible: zh() ? '负责' : 'responsible' };
  const picked = await vscode.window.showQuickPick(
    tasks.map((t) => ({ label: `${t.number} ${t.name}`, description: `${role[t.role]} · ${zh() ? '第' : 'line '}${t.line}${zh() ? '行' : ''}`, task: t })),
    { title, placeHolder: zh() ? '转到任务' : 'Go to task', matchOnDescription: true },
  );
  if (picked) await revealTask(picked.task);
}

export class MatrixPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private data?: MatrixResult | null;
  private uri?: vscode.Uri;
  private timer?: NodeJS.Timeout;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly plans: PlanTracker,
  ) {
    this.subscriptions.push(
      plans.onDidChange((uri) => {
        if (uri) this.show(uri, false);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.contentChanges.length && e.document.uri.toString() === this.uri?.toString()) this.updateSoon();
      }),
      // A registry edit changes which agencies are unknown and how names merge.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.panel && d.fileName.endsWith('fengong.registry.json')) this.updateSoon();
      }),
    );
  }

  /** Opens the panel (or brings it forward) on a plan. */
  show(uri: vscode.Uri | undefined, reveal = true): void {
    if (!uri) {
      if (reveal) void vscode.window.showWarningMessage(zh() ? '请先打开一份分工方案。' : 'Open a plan document first.');
      return;
    }
    this.uri = uri;
    if (!this.panel) {
      if (!reveal) return;
      this.panel = vscode.window.createWebviewPanel(
        MATRIX_VIEW_TYPE,
        zh() ? '分工矩阵' : 'Responsibility matrix',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.webview.html = html(this.panel.webview.cspSource);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.data = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m));
    } else if (reveal) {
      this.panel.reveal(undefined, true);
    }
    void this.update();
  }

  private updateSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 500);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    try {
      this.data = await this.client.sendRequest(MatrixRequest, { uri: uri.toString() });
    } catch {
      this.data = null;
    }
    const file = decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));
    panel.title = `${zh() ? '分工矩阵' : 'Matrix'} · ${file}`;
    void panel.webview.postMessage({ type: 'data', zh: zh(), file, matrix: this.data });
  }

  private async receive(m: FromWebview): Promise<void> {
    if (m.type === 'ready') return this.update();
    if (m.type === 'export') {
      await vscode.commands.executeCommand(ClientCommands.exportMatrix, this.uri);
      return;
    }
    const row = this.data?.rows.find((r) => r.agency === m.agency);
    if (!row) return;
    const tasks = row.tasks.filter((t) => (m.chapter < 0 || t.chapter === m.chapter) && (!m.role || t.role === m.role));
    const chapter = m.chapter >= 0 ? this.data?.chapters[m.chapter]?.label : undefined;
    await openTasks(tasks, chapter ? `${row.agency} · ${chapter}` : row.agency);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/**
 * The page: no remote resources, inline style and script allowed by nonce only. Colours come
 * from the theme's CSS variables, so light, dark and high-contrast themes all read well.
 */
export function html(cspSource: string): string {
  const n = nonce();
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
  html, body { height: 100%; margin: 0; }
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px; box-sizing: border-box; display: flex; flex-direction: column; }
  header { padding: 10px 0 8px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; flex: none; }
  main { flex: 1; overflow: auto; min-height: 0; }
  h1 { font-size: 1.1em; font-weight: 600; margin: 0 12px 0 0; }
  input[type=search] { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; min-width: 14em; }
  input[type=search]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  button.action { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 4px 10px; cursor: pointer; }
  button.action:hover { background: var(--vscode-button-secondaryHoverBackground); }
  .summary { color: var(--vscode-descriptionForeground); }
  table { border-collapse: collapse; }
  th, td { border: 1px solid var(--vscode-editorGroup-border, var(--vscode-panel-border)); padding: 0; text-align: center; white-space: nowrap; }
  thead th { position: sticky; top: 0; z-index: 2; background: var(--vscode-editorGroupHeader-tabsBackground, var(--vscode-editor-background)); font-weight: 600; cursor: pointer; user-select: none; padding: 4px 8px; }
  thead th[aria-sort=ascending]::after { content: " ▲"; }
  thead th[aria-sort=descending]::after { content: " ▼"; }
  th.agency, td.agency { text-align: left; position: sticky; left: 0; z-index: 1; background: var(--vscode-editor-background); }
  thead th.agency { z-index: 3; }
  td button { font: inherit; color: inherit; background: transparent; border: none; width: 100%; padding: 3px 8px; cursor: pointer; text-align: inherit; }
  td button:hover { background: var(--vscode-list-hoverBackground); }
  td button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  td.cell button { min-width: 4.5em; }
  td.heat-1 { background: color-mix(in srgb, var(--vscode-charts-blue) 15%, transparent); }
  td.heat-2 { background: color-mix(in srgb, var(--vscode-charts-blue) 30%, transparent); }
  td.heat-3 { background: color-mix(in srgb, var(--vscode-charts-blue) 50%, transparent); }
  .lead { font-weight: 700; }
  .sep, .zero { color: var(--vscode-descriptionForeground); }
  .unknown { color: var(--vscode-list-warningForeground, var(--vscode-editorWarning-foreground)); }
  .alias { display: block; color: var(--vscode-descriptionForeground); font-size: 0.85em; }
  .legend { color: var(--vscode-descriptionForeground); padding: 8px 0 10px; flex: none; }
  .empty { color: var(--vscode-descriptionForeground); padding: 16px 0; }
</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <input id="filter" type="search">
  <span class="summary" id="summary"></span>
  <button class="action" id="export"></button>
</header>
<main id="main"></main>
<div class="legend" id="legend"></div>
<script nonce="${n}">
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || { sort: { key: 'lead', dir: -1 }, filter: '' };
  let data = null;
  let zh = true;
  const T = (a, b) => (zh ? a : b);
  const $ = (id) => document.getElementById(id);
  const filter = $('filter');
  filter.value = state.filter || '';

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function sortValue(row, key) {
    if (key === 'agency') return row.agency;
    if (key === 'lead' || key === 'cooperating' || key === 'responsible') return row[key] * 10000 + row.lead * 100 + row.cooperating;
    const c = row.cells[Number(key)];
    return c ? c.lead * 10000 + c.cooperating * 100 + c.responsible : 0;
  }

  function rows() {
    const q = (state.filter || '').trim();
    let list = data.rows.filter((r) => !q || r.agency.includes(q) || r.aliases.some((a) => a.includes(q)));
    const { key, dir } = state.sort;
    list = list.slice().sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      const c = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
      return c * dir || data.rows.indexOf(a) - data.rows.indexOf(b);
    });
    return list;
  }

  function open(agency, chapter, role) {
    vscode.postMessage({ type: 'open', agency, chapter, role });
  }

  function countButton(label, title, onclick) {
    return el('button', { title, onclick }, label);
  }

  // Always "lead / cooperating" (a dot for none), so a lone number is never ambiguous.
  function cellContent(c) {
    const num = (n, cls) => (n ? el('span', { class: cls }, String(n)) : el('span', { class: 'zero' }, '·'));
    const parts = [num(c.lead, 'lead'), el('span', { class: 'sep' }, ' / '), num(c.cooperating, '')];
    if (c.responsible) parts.push(el('span', { class: 'sep' }, ' + ' + c.responsible + T('负', 'r')));
    return parts;
  }

  function heat(c) {
    const n = c.lead * 2 + c.cooperating + c.responsible * 2;
    return n === 0 ? '' : n < 3 ? 'heat-1' : n < 6 ? 'heat-2' : 'heat-3';
  }

  function header(key, label, title, cls) {
    const sorted = state.sort.key === key;
    return el('th', {
      class: cls || '',
      title: title || label,
      'aria-sort': sorted ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none',
      tabindex: '0',
      onclick: () => sortBy(key),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(key); } },
    }, label);
  }

  function sortBy(key) {
    state.sort = state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: key === 'agency' ? 1 : -1 };
    vscode.setState(state);
    render();
  }

  function render() {
    const main = $('main');
    main.textContent = '';
    $('filter').placeholder = T('筛选单位…', 'Filter agencies…');
    $('export').textContent = T('导出…', 'Export…');
    $('legend').textContent = T('格内：牵头 / 配合 任务数（“负”为负责）。点击数字转到任务；点击表头排序。', 'Cells: tasks led / cooperated on (r: responsible for). Click a count to go to its tasks; click a header to sort.');
    if (!data) {
      $('title').textContent = T('分工矩阵', 'Responsibility matrix');
      $('summary').textContent = '';
      main.append(el('div', { class: 'empty' }, T('当前文档不是分工方案，或语言服务尚未就绪。', 'The current document is not a plan, or the language server is not ready.')));
      return;
    }
    $('title').textContent = data.title || data.file;
    const list = rows();
    $('summary').textContent = T(list.length + ' / ' + data.rows.length + ' 个单位', list.length + ' of ' + data.rows.length + ' agencies');
    const withResponsible = data.rows.some((r) => r.responsible > 0);
    const head = el('tr', {},
      header('agency', T('单位', 'Agency'), null, 'agency'),
      header('lead', T('牵头', 'Lead'), T('牵头任务数', 'Tasks led')),
      header('cooperating', T('配合', 'Coop.'), T('配合任务数', 'Tasks cooperated on')),
      withResponsible ? header('responsible', T('负责', 'Resp.'), T('负责任务数', 'Tasks responsible for')) : null,
      ...data.chapters.map((c, i) => header(String(i), c.number || c.label, c.label)));
    const body = el('tbody');
    for (const r of list) {
      const name = el('button', { title: r.aliases.length ? T('其他名称：', 'Also written: ') + r.aliases.join('、') : r.agency, onclick: () => open(r.agency, -1) }, r.agency);
      if (r.unknown) name.prepend(el('span', { class: 'unknown', title: T('不在单位名录中', 'Not in the agency registry') }, '⚠ '));
      if (r.aliases.length) name.append(el('span', { class: 'alias' }, r.aliases.join('、')));
      const tr = el('tr', {}, el('td', { class: 'agency' + (r.unknown ? ' unknown' : '') }, name));
      for (const role of withResponsible ? ['lead', 'cooperating', 'responsible'] : ['lead', 'cooperating']) {
        tr.append(el('td', {}, r[role] ? countButton(String(r[role]), '', () => open(r.agency, -1, role)) : el('span', { class: 'zero' }, '·')));
      }
      r.cells.forEach((c, i) => {
        const any = c.lead || c.cooperating || c.responsible;
        const title = data.chapters[i].label + '：' + T('牵头 ', 'lead ') + c.lead + T('，配合 ', ', cooperating ') + c.cooperating + (c.responsible ? T('，负责 ', ', responsible ') + c.responsible : '');
        tr.append(el('td', { class: 'cell ' + heat(c) }, any ? countButton('', title, () => open(r.agency, i)) : ''));
        if (any) tr.lastChild.firstChild.append(...cellContent(c));
      });
      body.append(tr);
    }
    main.append(el('table', {}, el('thead', {}, head), body));
  }

  filter.addEventListener('input', () => {
    state.filter = filter.value;
    vscode.setState(state);
    if (data) render();
  });
  $('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type !== 'data') return;
    zh = m.zh;
    data = m.matrix ? Object.assign({ file: m.file }, m.matrix) : null;
    render();
  });
  render();
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}

// ---- exports ----

type Kind = 'table' | 'matrix';
/** The server's export formats (ExportFormat), in the order the quick pick offers them. */
const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV (.csv, UTF-8)',
  md: 'Markdown (.md)',
  json: 'JSON (.json)',
};
const FORMATS = (Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => ({ format, label: FORMAT_LABELS[format] }));

async function exportPlan(client: LanguageClient, plans: PlanTracker, planFiles: PlanFiles, kind: Kind, target?: vscode.Uri | string, format?: string, output?: vscode.Uri): Promise<vscode.Uri | undefined> {
  // An explicit plan (Explorer menu, the matrix panel), else the one the views follow.
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target instanceof vscode.Uri ? target : plans.current;
  if (!uri) {
    void vscode.window.showWarningMessage(zh() ? '请先打开一份分工方案。' : 'Open a plan document first.');
    return undefined;
  }
  // A plan picked in the Explorer is opened so the server reads its current text.
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await vscode.workspace.openTextDocument(uri);
  let chosen = FORMATS.find((f) => f.format === format)?.format;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      FORMATS.map((f) => ({ label: f.label, format: f.format })),
      { title: kind === 'table' ? (zh() ? '导出任务表' : 'Export task table') : zh() ? '导出分工矩阵' : 'Export responsibility matrix', placeHolder: zh() ? '选择格式' : 'Choose a format' },
    );
    if (!pick) return undefined;
    chosen = pick.format;
  }
  const name = decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));
  const suffix = kind === 'table' ? (zh() ? '任务表' : 'tasks') : zh() ? '分工矩阵' : 'matrix';
  const fileName = `${planStem(name, planFiles)}.${suffix}.${chosen}`;
  const folder = uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(uri, '..');
  const target2 =
    output ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { [FORMATS.find((f) => f.format === chosen)!.label]: [chosen] },
      saveLabel: zh() ? '导出' : 'Export',
    }));
  if (!target2) return undefined;
  let result: ExportResult | null = null;
  try {
    result = await client.sendRequest(kind === 'table' ? ExportTableRequest : ExportMatrixRequest, {
      uri: uri.toString(),
      format: chosen,
      locale: zh() ? 'zh-cn' : 'en',
    });
  } catch {
    // reported below, as when the server has nothing
  }
  if (!result || (result.text === undefined && result.base64 === undefined)) {
    void vscode.window.showErrorMessage(zh() ? '导出失败：语言服务没有返回内容。' : 'Export failed: the language server returned nothing.');
    return undefined;
  }
  const bytes = result.base64 !== undefined ? Buffer.from(result.base64, 'base64') : new TextEncoder().encode(result.text);
  await vscode.workspace.fs.writeFile(target2, bytes);
  // Not awaited: the command is done once the file is written.
  const open = zh() ? '打开' : 'Open';
  void vscode.window.showInformationMessage(zh() ? `已导出到 ${target2.fsPath || target2.toString()}` : `Exported to ${target2.fsPath || target2.toString()}`, open).then((choice) => {
    if (choice !== open) return;
    if (chosen === 'xlsx') void vscode.env.openExternal(target2);
    else void vscode.window.showTextDocument(target2);
  });
  return target2;
}

/** The matrix command and panel. `plans` is the caller's to dispose. */
export function registerMatrix(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanTracker): MatrixPanel {
  const panel = new MatrixPanel(client, plans);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand(ClientCommands.showMatrix, (uri?: vscode.Uri) => panel.show(uri instanceof vscode.Uri ? uri : plans.current)),
  );
  return panel;
}

/**
 * `fengong.exportTable` and `fengong.exportMatrix` [plan uri] [format] [output uri]: ask for
 * the format and the file when not given (keybindings and tests give them). Resolve with the
 * file written, if any.
 */
export function registerExports(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanTracker, planFiles: PlanFiles): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.exportTable, (uri?: vscode.Uri | string, format?: string, output?: vscode.Uri) => exportPlan(client, plans, planFiles, 'table', uri, format, output)),
    vscode.commands.registerCommand(ClientCommands.exportMatrix, (uri?: vscode.Uri | string, format?: string, output?: vscode.Uri) => exportPlan(client, plans, planFiles, 'matrix', uri, format, output)),
  );
}

/**
 * The Agencies view, the matrix and the export commands, following one plan. Call once the
 * client has started. Returns the view's provider and the panel (for tests).
 */
export function registerPlanViews(context: vscode.ExtensionContext, client: LanguageClient, planFiles: PlanFiles): { agencies: AgenciesProvider; matrix: MatrixPanel } {
  const plans = new PlanTracker();
  context.subscriptions.push(plans);
  const agencies = registerAgenciesView(context, client, plans);
  const matrix = registerMatrix(context, client, plans);
  registerExports(context, client, plans, planFiles);
  return { agencies, matrix };
}
