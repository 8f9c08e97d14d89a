// Tests that change text through the real VS Code API and check what the language server does
// with it: quick fixes (vscode.executeCodeActionProvider + workspace.applyEdit), a
// workspace-wide agency rename (vscode.executeDocumentRenameProvider), and the workspace
// registry file edited in an editor without saving. Registered after plan.e2e.ts when
// FENGONG_E2E_PLAN=1. The rename test runs last and puts the documents it changed back.
import * as vscode from 'vscode';
import { SAMPLE_FILE } from './context';
import {
  applyEdit,
  codeOf,
  countOf,
  describeDiagnostics,
  diagnosticsWithCode,
  hoverText,
  openInEditor,
  openNewPlan,
  openSample,
  readSampleText,
  SERVER_WAIT_MS,
  waitForDiagnostics,
  writeWorkspaceFile,
} from './editor';
import { assert, assertEqual, preview, sleep, Suite, TestFailure, waitFor } from './harness';

type ActionOrCommand = vscode.CodeAction | vscode.Command;

function isCodeAction(a: ActionOrCommand): a is vscode.CodeAction {
  return !('command' in a && typeof a.command === 'string');
}

/** Code actions at `range`, waiting until the server offers at least one matching `accept`. */
async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (a: vscode.CodeAction) => boolean,
  kind?: string,
): Promise<vscode.CodeAction[]> {
  let titles: string[] = [];
  return waitFor(
    async () => {
      const all = (await vscode.commands.executeCommand<ActionOrCommand[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
      const actions = all.filter(isCodeAction);
      titles = actions.map((a) => a.title);
      return actions.some(accept) ? actions : undefined;
    },
    SERVER_WAIT_MS,
    `a code action${kind ? ` of kind ${kind}` : ''} from the language server`,
  ).catch((err: Error) => {
    throw new TestFailure(`${err.message}; offered: ${preview(titles)}`);
  });
}

function diagnosticSnapshot(uri: vscode.Uri): string {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort()
    .join(' ');
}

function rangeOf(doc: vscode.TextDocument, needle: string, from = 0): vscode.Range {
  const at = doc.getText().indexOf(needle, from);
  assert(at >= 0, `'${needle}' not found in ${doc.uri.path.split('/').pop()}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Replaces `needle` (first occurrence) in an open document through a WorkspaceEdit. */
async function replaceInDocument(doc: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, rangeOf(doc, needle), replacement);
  await applyEdit(edit, `'${needle}' → '${replacement}'`);
}

/** Documents an edit touches, as open TextDocuments (workspace.applyEdit opens them). */
function touchedDocuments(edit: vscode.WorkspaceEdit): vscode.TextDocument[] {
  const uris = new Set(edit.entries().map(([u]) => u.toString()));
  return vscode.workspace.textDocuments.filter((d) => uris.has(d.uri.toString()));
}

export function registerEditTests(suite: Suite): void {
  suite.test('quick fix 改为“自治区交通运输厅” on 交通运输局 rewrites the name and clears agency.unknown', async () => {
    const sample = await readSampleText();
    const good = '自治区外事办、交通运输厅';
    const bad = '自治区外事办、交通运输局';
    assert(sample.includes(good), `the sample no longer contains '${good}'`);
    const doc = await openNewPlan('fix-unknown.plan.txt', sample.replace(good, bad));
    const wrong = rangeOf(doc, bad);
    const nameRange = new vscode.Range(wrong.start.translate(0, '自治区外事办、'.length), wrong.end);

    const [diagnostic] = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'agency.unknown' && d.range.contains(nameRange.start)),
      'agency.unknown on 交通运输局',
    ).then((ds) => ds.filter((d) => codeOf(d) === 'agency.unknown' && d.range.contains(nameRange.start)));
    assertEqual(diagnosticsWithCode(doc.uri, 'agency.unknown').length, 1, 'agency.unknown diagnostics in the broken copy');

    const title = '改为“自治区交通运输厅”';
    const actions = await codeActions(doc.uri, diagnostic.range, (a) => a.title.startsWith(title));
    const fix = actions.find((a) => a.title.startsWith(title))!;
    assert(fix.edit, `'${fix.title}' has no edit (command: ${preview(fix.command)})`);
    assert(fix.kind?.value === vscode.CodeActionKind.QuickFix.value, `'${fix.title}' has kind ${fix.kind?.value}`);
    assert(actions.some((a) => a.title.includes('加入单位名录')), `no 加入单位名录 action among ${preview(actions.map((a) => a.title))}`);

    await applyEdit(fix.edit, fix.title);
    const text = doc.getText();
    assert(text.includes(good) && !text.includes(bad), `after the fix the line reads ${preview(doc.lineAt(wrong.start.line).text.slice(-60))}`);
    assertEqual(text, sample, 'the fixed copy compared with the sample');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'agency.unknown'), 'agency.unknown to go away');
  });

  suite.test('source.fixAll.fengong matches mismatched clause brackets', async () => {
    const sample = await readSampleText();
    const clause = '(自治区金融办牵头,人民银行呼和浩特中心支行';
    assert(sample.includes(clause), `the sample no longer contains '${clause}'`);
    const doc = await openNewPlan('fix-brackets.plan.txt', sample.replace(clause, `（${clause.slice(1)}`));
    const [mismatch] = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'clause.mismatched-brackets'),
      'clause.mismatched-brackets',
    ).then((ds) => ds.filter((d) => codeOf(d) === 'clause.mismatched-brackets'));

    // The quick fix on the diagnostic, and the same through "fix all".
    const quick = await codeActions(doc.uri, mismatch.range, (a) => a.title.includes('括号') || a.title.includes('match the brackets'));
    assert(quick.some((a) => a.edit), `no quick fix with an edit: ${preview(quick.map((a) => a.title))}`);
    const top = new vscode.Range(0, 0, 0, 0);
    const all = await codeActions(doc.uri, top, (a) => a.kind?.value === 'source.fixAll.fengong', 'source.fixAll');
    const fixAll = all.find((a) => a.kind?.value === 'source.fixAll.fengong')!;
    assert(fixAll.edit, 'the fix-all action has no edit');
    await applyEdit(fixAll.edit, fixAll.title);
    const fixedLine = doc.lineAt(mismatch.range.end.line).text;
    assert(fixedLine.trimEnd().endsWith('）'), `the clause still ends with ${preview(fixedLine.slice(-10))}`);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'clause.mismatched-brackets'), 'clause.mismatched-brackets to go away');
  });

  suite.test('an unsaved edit of fengong.registry.json changes the findings; broken JSON keeps the last good registry', async () => {
    // In a folder of its own, so the registry applies to this plan only (not to the sample).
    const folder = 'registry-e2e';
    const unknown = '自治区不存在厅';
    const sample = await readSampleText();
    const led = '自治区金融办牵头';
    assert(sample.includes(led), `the sample no longer contains '${led}'`);
    // The web workbench's default is files.autoSave = afterDelay: an "unsaved" edit would be on
    // disk a second later. run.mjs turns it off (as the desktop default is).
    const autoSave = vscode.workspace.getConfiguration('files').get<string>('autoSave');
    assert(autoSave === 'off', `files.autoSave is '${autoSave}': this test needs 'off' to keep its registry edit unsaved`);
    const registryText = '{\n  "extends": ["inner-mongolia"],\n  "agencies": [],\n  "ignore": []\n}\n';
    const registryUri = await writeWorkspaceFile(`${folder}/fengong.registry.json`, registryText);
    const plan = await openNewPlan(`${folder}/registry.plan.txt`, sample.replace(led, `${unknown}牵头`));

    const isOurs = (d: vscode.Diagnostic) => codeOf(d) === 'agency.unknown' && plan.getText(d.range).includes(unknown);
    await waitForDiagnostics(plan.uri, (ds) => ds.some(isOurs), `agency.unknown on ${unknown}`);

    // Edit the registry in an editor, without saving.
    const registry = await openInEditor(registryUri);
    await replaceInDocument(registry, '"agencies": []', `"agencies": [{ "name": "${unknown}" }]`);
    assert(registry.isDirty, 'the registry should be unsaved (dirty) after the edit');
    await waitForDiagnostics(plan.uri, (ds) => !ds.some(isOurs), `agency.unknown on ${unknown} to go away after the unsaved registry edit`);
    assert(registry.isDirty, 'the registry was saved behind our back');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(registryUri));
    assertEqual(onDisk, registryText, 'the registry file on disk (the edit must be unsaved)');
    const before = diagnosticSnapshot(plan.uri);

    // Break the JSON: the registry file reports it, the plan keeps the last good registry.
    await replaceInDocument(registry, '"ignore": []', '"ignore": [');
    await waitForDiagnostics(registryUri, (ds) => ds.some((d) => codeOf(d) === 'registry.invalid-json'), 'registry.invalid-json on the registry file');
    await sleep(1_500); // any re-analysis of the plan has had time to arrive
    const after = diagnosticSnapshot(plan.uri);
    assertEqual(after, before, "the plan's diagnostics after the registry broke");
    assert(!vscode.languages.getDiagnostics(plan.uri).some(isOurs), `${unknown} is reported again: ${describeDiagnostics(vscode.languages.getDiagnostics(plan.uri))}`);

    // Leave the registry as it is on disk (agencies: []) and closed.
    await vscode.window.showTextDocument(registry);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => !registry.isDirty || registry.isClosed, 5_000, 'the registry editor to revert');
  });

  suite.test('the quick fix 加入单位名录 writes into fengong.json and keeps its comments where they were', async () => {
    const folder = 'add-e2e';
    const unknown = '自治区未列入厅';
    const sample = await readSampleText();
    const led = '自治区金融办牵头';
    const registryText = '{\n  "extends": ["inner-mongolia"],\n  "agencies": [\n    { "name": "县甲局" } // 县级\n  ]\n}\n';
    const registryUri = await writeWorkspaceFile(`${folder}/fengong.json`, registryText);
    const plan = await openNewPlan(`${folder}/add.plan.txt`, sample.replace(led, `${unknown}牵头`));
    const isOurs = (d: vscode.Diagnostic) => codeOf(d) === 'agency.unknown' && plan.getText(d.range).includes(unknown);
    const [d] = (await waitForDiagnostics(plan.uri, (ds) => ds.some(isOurs), `agency.unknown on ${unknown}`)).filter(isOurs);
    const actions = await codeActions(plan.uri, d.range, (a) => a.title.includes('加入单位名录'), vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title.includes('加入单位名录'))!;
    assert(add.edit, `the quick fix ${add.title} has no edit`);
    await applyEdit(add.edit, add.title);
    const registry = await openInEditor(registryUri);
    assertEqual(registry.getText(), `{\n  "extends": ["inner-mongolia"],\n  "agencies": [\n    { "name": "县甲局" }, // 县级\n    { "name": "${unknown}" }\n  ]\n}\n`, 'fengong.json after the quick fix');
    await waitForDiagnostics(plan.uri, (ds) => !ds.some(isOurs), `agency.unknown on ${unknown} to go away once it is in the registry`);
    await vscode.window.showTextDocument(registry);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  suite.test('renaming 自治区商务厅 to 自治区商务和口岸厅 edits all 31 clauses naming it, and back', async () => {
    const doc = await openSample();
    const original = doc.getText();
    const oldName = '自治区商务厅';
    const newName = '自治区商务和口岸厅';
    assertEqual(countOf(original, '商务厅'), 31, `mentions of ${oldName} (written 自治区商务厅 or, after a carried 自治区, 商务厅) in the sample`);
    const position = rangeOf(doc, `${oldName}牵头`).start.translate(0, 2);

    const prepared = await waitFor(
      async () => vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string } | vscode.Range>('vscode.prepareRename', doc.uri, position),
      SERVER_WAIT_MS,
      'prepareRename',
    );
    const placeholder = 'placeholder' in prepared ? prepared.placeholder : doc.getText(prepared);
    assertEqual(placeholder, oldName, 'prepareRename placeholder');

    const rename = async (at: vscode.Position, to: string) => {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, to);
      assert(edit && edit.size > 0, `the rename to ${to} returned no edit`);
      return edit;
    };
    const edit = await rename(position, newName);
    const own = edit.get(doc.uri);
    assert(own.length >= 31, `the rename edits ${own.length} places in ${SAMPLE_FILE}, expected at least 31`);
    const files = edit.entries().map(([u]) => u.path.split('/').pop());

    await applyEdit(edit, `rename to ${newName}`);
    try {
      const renamed = doc.getText();
      assertEqual(countOf(renamed, '商务和口岸厅'), 31, `mentions of ${newName} after the rename (files: ${files.join(', ')})`);
      assertEqual(countOf(renamed, '商务厅'), 0, `mentions of ${oldName} left after the rename`);
      const carried = '自治区经济和信息化委、科技厅、工商局、地税局、商务和口岸厅、财政厅';
      assert(renamed.includes(carried), `the carried-prefix clause does not read '${carried}'`);
      // The server sees the new name everywhere: its hover on a renamed party names it.
      const at = rangeOf(doc, `${newName}牵头`).start.translate(0, 2);
      let shown = '';
      await waitFor(
        async () => {
          shown = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? []);
          return shown.includes(newName);
        },
        SERVER_WAIT_MS,
        `a hover naming ${newName}`,
      ).catch((err: Error) => {
        throw new TestFailure(`${err.message}; hover: ${preview(shown)}`);
      });

      // And back: the text is the sample again.
      const back = await rename(at, oldName);
      await applyEdit(back, `rename back to ${oldName}`);
      assert(doc.getText() === original, `renaming back did not restore ${SAMPLE_FILE} (商务厅 ×${countOf(doc.getText(), '商务厅')}, 商务和口岸厅 ×${countOf(doc.getText(), '商务和口岸厅')})`);
    } finally {
      // Whatever happened, leave no document of the workspace changed for later tests.
      for (const d of touchedDocuments(edit)) {
        if (!d.isDirty) continue;
        await vscode.window.showTextDocument(d, { preview: false });
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  }, 40_000);
}
