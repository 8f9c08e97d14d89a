// Issue #16 in the real editor, through the API (the UI test drives the rest with the keyboard):
// the prose defaults for plans, findings in the display language (English in this suite's
// VS Code), completion of a new plan's first clause, near names for a traditional-character
// slip, the manifest's settings, and what the code actions tell once applied.
import * as vscode from 'vscode';
import { codeOf, LANGUAGE_ID, openNewPlan, planExtension, readSampleText, SERVER_WAIT_MS, waitForDiagnostics } from './editor';
import { assert, preview, Suite, waitFor } from './harness';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

export function registerDraftingTests(suite: Suite): void {
  suite.test('plans get word wrap, quick suggestions in text and no word-based suggestions (configurationDefaults)', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert(editor.get('wordWrap') === 'on', `editor.wordWrap for ${LANGUAGE_ID} is ${preview(editor.get('wordWrap'))}`);
    assert(editor.get('wordBasedSuggestions') === 'off', `editor.wordBasedSuggestions is ${preview(editor.get('wordBasedSuggestions'))}`);
    assert((editor.get('quickSuggestions') as { other?: string })?.other === 'on', `editor.quickSuggestions is ${preview(editor.get('quickSuggestions'))}`);
  });

  suite.test('every setting has a scope; fengong.severity offers the rule codes', () => {
    const props = (planExtension().packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string; properties?: Record<string, unknown> }> } } }).contributes.configuration.properties;
    const unscoped = Object.keys(props).filter((k) => !props[k].scope);
    assert(unscoped.length === 0, `settings without a scope: ${unscoped.join(', ')}`);
    const codes = Object.keys(props['fengong.severity'].properties ?? {});
    for (const code of ['clause.missing', 'agency.unknown', 'agency.alias', 'numbering.gap', 'registry.invalid-json']) assert(codes.includes(code), `fengong.severity lists no ${code}: ${codes.join(', ')}`);
  });

  suite.test(`findings in the display language (${vscode.env.language}), not in both`, async () => {
    const sample = await readSampleText();
    const doc = await openNewPlan('display-language.plan.txt', sample.replace('自治区金融办牵头', '自治区不存在厅牵头'));
    const d = (await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'agency.unknown'), 'agency.unknown')).find((x) => codeOf(x) === 'agency.unknown')!;
    const english = vscode.env.language.startsWith('en');
    assert(d.message.includes('is not in the agency registry') === english, `message for ${vscode.env.language}: ${d.message}`);
    assert(d.message.includes('不在单位名录中') === !english, `message for ${vscode.env.language}: ${d.message}`);
  });

  suite.test('a new plan gets agency completion from its first clause on', async () => {
    const start = '《测试规划》重点工作分工方案\n\n为贯彻落实《测试规划》，现提出如下分工方案。\n\n一、深化口岸通关改革\n\n（一）创新口岸管理服务体系。优化口岸通关服务环境。';
    const doc = await openNewPlan('first-clause.plan.txt', start);
    const editor = await vscode.window.showTextDocument(doc);
    const clause = '（内蒙古自治区发展改革委牵头，自治区商';
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), clause));
    // Asked at once, as on the keystroke: no waiting for the server to analyse first.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length));
    const details = list.items.map((i) => `${labelOf(i)} ${i.detail ?? ''}`);
    assert(details.some((d) => d.includes('自治区商务厅')), `no 自治区商务厅 among ${preview(details.slice(0, 8))}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  suite.test('the quick fixes for 自治区商務厅 offer its simplified form first, no 民委 or 编办', async () => {
    const sample = await readSampleText();
    const doc = await openNewPlan('variant.plan.txt', sample.replace('自治区商务厅牵头', '自治区商務厅牵头'));
    const d = (await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'agency.unknown'), 'agency.unknown')).find((x) => codeOf(x) === 'agency.unknown')!;
    const actions = await waitFor(
      async () => {
        const a = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        return a?.length ? a : undefined;
      },
      SERVER_WAIT_MS,
      'quick fixes',
    );
    const titles = actions.map((a) => a.title);
    assert(titles[0].includes('自治区商务厅'), `the first quick fix is ${titles[0]}; all: ${preview(titles)}`);
    assert(!titles.some((t) => /民委|编办/.test(t)), `unrelated near names: ${preview(titles)}`);
    const add = actions.find((a) => a.command?.command === 'fengong.report');
    assert(add, `no quick fix reports what it wrote (fengong.report): ${preview(actions.map((a) => [a.title, a.command?.command]))}`);
  });

  suite.test('fix all (source.fixAll.fengong) reports its fixes once applied', async () => {
    const sample = await readSampleText();
    const doc = await openNewPlan('fixall-report.plan.txt', sample.replace('等部门配合)', '等部门配合）'));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'clause.mismatched-brackets'), 'clause.mismatched-brackets');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.fengong');
    const fix = actions.find((a) => a.kind?.value === 'source.fixAll.fengong');
    assert(fix?.command?.command === 'fengong.report', `fix all carries no report: ${preview(fix)}`);
    const report = fix.command.arguments?.[0] as { kind: string; fixes: number };
    assert(report.kind === 'fixed' && report.fixes > 0, `report: ${preview(report)}`);
  });
}
