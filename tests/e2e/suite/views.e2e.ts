// The Agencies view, the responsibility matrix and the export commands in a real VS Code
// (issue #7). Needs the extension's activate() to return `{ client, views }` where views is
// what registerPlanViews returns.
import * as vscode from 'vscode';
import { SAMPLE_FILE, workspaceRoot } from './context';
import { openNewPlan, openSample, planExtension } from './editor';
import { assert, preview, sleep, Suite, waitFor } from './harness';

type Provider = vscode.TreeDataProvider<unknown> & { scope: string };
const views = () => (planExtension().exports as { views: { agencies: Provider; matrix: { renderedRows: number } } }).views;

async function items(p: Provider, node?: unknown): Promise<{ node: unknown; item: vscode.TreeItem }[]> {
  const kids = (await p.getChildren(node as never)) ?? [];
  return Promise.all(kids.map(async (n) => ({ node: n, item: await p.getTreeItem(n as never) })));
}
const text = (l: vscode.TreeItem['label']) => (typeof l === 'string' ? l : (l?.label ?? ''));

export function registerViewTests(suite: Suite): void {
  suite.test('agencies view: agencies, their roles and tasks; a task reveals itself', async () => {
    const doc = await openSample();
    await vscode.commands.executeCommand('fengong.agencies.focus');
    const p = views().agencies;
    const roots = await waitFor(async () => {
      const r = await items(p);
      return r.length ? r : undefined;
    }, 15_000, 'the agencies of the sample');
    assert(roots.length === 45, `${roots.length} agencies`);
    assert(text(roots[0].item.label) === '自治区商务厅', text(roots[0].item.label));
    assert(/14/.test(String(roots[0].item.description)) && /17/.test(String(roots[0].item.description)), String(roots[0].item.description));
    const groups = await items(p, roots[0].node);
    assert(groups.length === 2, preview(groups.map((g) => text(g.item.label))));
    const tasks = await items(p, groups[0].node);
    assert(tasks.length === 14 && text(tasks[0].item.label) === '一/(一)/1 创新口岸管理服务体系', text(tasks[0].item.label));
    const cmd = tasks[1].item.command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const ed = vscode.window.activeTextEditor!;
    assert(ed.document.uri.toString() === doc.uri.toString(), 'the sample is the active editor');
    assert(ed.document.getText(ed.selection) === '优化外贸政策环境', `selected ${preview(ed.document.getText(ed.selection))}`);
  });

  suite.test('agencies view: unknown agencies are marked; the workspace scope merges plans', async () => {
    const doc = await openNewPlan('plans/unknown.plan.txt', '《测试》分工方案\n一、任务\n加快建设。(自治区商务厅牵头,某某不存在局配合)\n');
    const p = views().agencies;
    const roots = await waitFor(async () => {
      const r = await items(p);
      return r.some((x) => text(x.item.label) === '某某不存在局') ? r : undefined;
    }, 15_000, 'the unknown agency in the view');
    assert(roots.length === 2, `${roots.length} agencies`);
    const u = roots.find((x) => text(x.item.label) === '某某不存在局')!;
    assert(u.item.contextValue === 'fengong.agency.unknown', String(u.item.contextValue));
    await vscode.commands.executeCommand('fengong.agencies.showWorkspace');
    const all = await items(p);
    const shang = all.find((x) => text(x.item.label) === '自治区商务厅')!;
    // the sample (14) and unknown.plan.txt (1) at least; the workspace holds other plans too
    assert((shang.node as { agency: { lead: number } }).agency.lead >= 15, String(shang.item.description));
    await vscode.commands.executeCommand('fengong.agencies.showDocument');
    await vscode.window.showTextDocument(doc);
    await sleep(300);
    assert((await items(p)).length === 2, 'back to the document');
  });

  suite.test('agencies view: a task shows its deadline', async () => {
    await openNewPlan('plans/dated.plan.txt', '2024年重点工作分工方案\n一、重点任务\n(一)加强耕地保护。(自治区自然资源厅牵头;2024年底前完成)\n');
    const p = views().agencies;
    const roots = await waitFor(async () => {
      const r = await items(p);
      return r.some((x) => text(x.item.label) === '自治区自然资源厅') ? r : undefined;
    }, 15_000, 'the dated plan’s agency in the view');
    const agency = roots.find((x) => text(x.item.label) === '自治区自然资源厅')!;
    const [group] = await items(p, agency.node);
    const [task] = await items(p, group.node);
    assert(/2024年底前完成/.test(String(task.item.description)), String(task.item.description));
    assert(/2024年底前完成/.test(String(task.item.tooltip)), String(task.item.tooltip));
  });

  suite.test('matrix: opens beside the plan and follows the active plan', async () => {
    await openSample();
    await vscode.commands.executeCommand('fengong.showMatrix');
    const tab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('fengong.matrix'));
    await waitFor(() => tab()?.label.includes(SAMPLE_FILE), 10_000, 'the matrix of the sample');
    // The page's own script (dist/matrix.js) ran and drew the sample's 45 agencies.
    await waitFor(() => views().matrix.renderedRows === 45, 10_000, `the page to draw 45 agencies (drew ${views().matrix.renderedRows})`);
    await openNewPlan('plans/unknown.plan.txt', '《测试》分工方案\n一、任务\n加快建设。(自治区商务厅牵头,某某不存在局配合)\n');
    await waitFor(() => tab()?.label.includes('unknown.plan.txt'), 5_000, `the matrix to follow (${tab()?.label})`);
  });

  suite.test('exports: the task table as CSV and the matrix as xlsx', async () => {
    const doc = await openSample();
    const csv = vscode.Uri.joinPath(workspaceRoot(), 'out.tasks.csv');
    const xlsx = vscode.Uri.joinPath(workspaceRoot(), 'out.matrix.xlsx');
    const w1 = await vscode.commands.executeCommand<vscode.Uri>('fengong.exportTable', doc.uri, 'csv', csv);
    const w2 = await vscode.commands.executeCommand<vscode.Uri>('fengong.exportMatrix', undefined, 'xlsx', xlsx);
    assert(w1?.toString() === csv.toString() && w2?.toString() === xlsx.toString(), `${w1} ${w2}`);
    const c = await vscode.workspace.fs.readFile(csv);
    assert(c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf, 'the CSV starts with a BOM');
    const t = new TextDecoder().decode(c);
    assert(t.includes('\r\n一/(三)/2,一、推进体制机制改革创新,(三)创新金融服务体系,拓展国际金融业务,'), preview(t.slice(0, 300)));
    const x = await vscode.workspace.fs.readFile(xlsx);
    assert(x[0] === 0x50 && x[1] === 0x4b && x.length > 5000, `xlsx of ${x.length} bytes`);
  });
}
