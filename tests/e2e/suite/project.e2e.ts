// The project file, fengong.json, in the real editor: its rules and messages change the plan's
// findings, VS Code's fengong.severity overrides them, the file opens as JSONC with the
// contributed schema (completion of rule codes and presets), and its own problems are shown in
// it. Each test works in a folder of its own, so the sample is not affected.
import * as vscode from 'vscode';
import { codeOf, openInEditor, openNewPlan, readSampleText, SERVER_WAIT_MS, waitForDiagnostics, writeWorkspaceFile } from './editor';
import { assert, assertEqual, preview, Suite, waitFor } from './harness';

const NO_LEAD = 'Clause names cooperating parties but no lead';

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function registerProjectTests(suite: Suite): void {
  suite.test("fengong.json's rules and messages apply to the plans under it; fengong.severity overrides a rule", async () => {
    const folder = 'project-e2e';
    const sample = await readSampleText();
    const led = '(自治区发展改革委牵头';
    assert(sample.includes(led), `the sample no longer contains '${led}'`);
    await writeWorkspaceFile(`${folder}/fengong.json`, '{\n  // 本文件夹：缺少牵头单位算错误，不报别名\n  "rules": { "clause.no-lead": "error", "agency.alias": "off", },\n  "messages": "en",\n}\n');
    const plan = await openNewPlan(`${folder}/project.plan.txt`, sample.replace(led, '(自治区发展改革委配合'));
    const noLead = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'clause.no-lead');
    const ds = await waitForDiagnostics(plan.uri, (all) => noLead(all).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'clause.no-lead as an error');
    assertEqual(noLead(ds)[0].message, NO_LEAD, 'the message, in English as the project file asks');
    assert(!ds.some((d) => codeOf(d) === 'agency.alias'), `agency.alias is off in the project file, yet: ${preview(ds.map(codeOf))}`);
    const settings = vscode.workspace.getConfiguration('fengong');
    try {
      await settings.update('severity', { 'clause.no-lead': 'hint' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(plan.uri, (all) => noLead(all).some((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'clause.no-lead as a hint after fengong.severity says so');
    } finally {
      await settings.update('severity', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(plan.uri, (all) => noLead(all).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'clause.no-lead an error again once the setting is gone');
    await closeAll();
    await vscode.workspace.fs.delete(plan.uri);
  }, 60_000);

  suite.test('fengong.json opens as JSONC with the schema (rule codes and presets complete), and shows its own problems', async () => {
    const folder = 'project-e2e-schema';
    const broken = await writeWorkspaceFile(`${folder}/broken/fengong.json`, '{\n  "rules": {\n    "clause.nope": "off"\n  }\n}\n');
    const doc = await openInEditor(broken);
    assertEqual(doc.languageId, 'jsonc', 'the language of fengong.json');
    const [own] = await waitForDiagnostics(broken, (ds) => ds.some((d) => codeOf(d) === 'registry.unknown-rule'), 'registry.unknown-rule in fengong.json');
    const problem = (vscode.languages.getDiagnostics(broken).find((d) => codeOf(d) === 'registry.unknown-rule') ?? own)!;
    assertEqual(problem.range.start.line, 2, 'the line of the unknown rule code');
    assertEqual(doc.getText(problem.range), '"clause.nope"', 'the text the finding points at');

    const uri = await writeWorkspaceFile(`${folder}/fengong.json`, '{\n  "extends": [""],\n  "rules": {\n    \n  }\n}\n');
    await openInEditor(uri);
    const labels = async (at: vscode.Position) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
      return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    };
    let seen: string[] = [];
    await waitFor(async () => (seen = await labels(new vscode.Position(3, 4))).includes('agency.unknown'), SERVER_WAIT_MS * 2, 'rule codes completed in "rules"').catch((e: Error) => {
      throw new Error(`${e.message}; offered: ${preview(seen)}`);
    });
    for (const code of ['clause.missing', 'agency.superseded', 'numbering.gap']) assert(seen.includes(code), `${code} not offered in "rules": ${preview(seen)}`);
    await waitFor(async () => (seen = await labels(new vscode.Position(1, 15))).includes('广东省'), SERVER_WAIT_MS, 'presets completed in "extends"').catch((e: Error) => {
      throw new Error(`${e.message}; offered: ${preview(seen)}`);
    });
    for (const preset of ['national', 'inner-mongolia', '新疆维吾尔自治区']) assert(seen.includes(preset), `${preset} not offered in "extends": ${preview(seen)}`);
    await closeAll();
  }, 90_000);
}
