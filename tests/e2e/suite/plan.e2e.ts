// Tests of the fengong language support against the real extension (language id `fengong`,
// diagnostics/outline/completion/hover from its language server). index.ts registers them
// only when FENGONG_E2E_PLAN=1; each one FAILS (never skips) when the extension under test
// does not contribute the `fengong` language.
import * as vscode from 'vscode';
import { SAMPLE_FILE, workspaceRoot } from './context';
import {
  codeOf,
  describeDiagnostics,
  documentSymbols,
  hoverText,
  LANGUAGE_ID,
  openInEditor,
  openSample,
  planExtension,
  SERVER_WAIT_MS,
  withLanguage,
} from './editor';
import { assert, preview, sleep, Suite, TestFailure, waitFor } from './harness';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function registerPlanTests(suite: Suite): void {
  suite.test(`the sample opens as '${LANGUAGE_ID}' and the extension activates`, async () => {
    const ext = planExtension();
    await openSample();
    // No explicit activate(): opening the document must be enough (activation events).
    await waitFor(() => ext.isActive, SERVER_WAIT_MS, `${ext.id} to activate`);
  });

  suite.test('the sample shows no errors or warnings', async () => {
    const doc = await openSample();
    await documentSymbols(doc.uri); // the server is up and has seen the document
    // Give diagnostics a moment to arrive, watching all along for any bad one.
    const until = Date.now() + 2_500;
    while (Date.now() < until) {
      const bad = vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
      if (bad.length) throw new TestFailure(`${bad.length} error/warning diagnostic(s): ${describeDiagnostics(bad)}`);
      await sleep(250);
    }
  });

  suite.test('the outline has 7 chapters and 29 sections', async () => {
    const doc = await openSample();
    const symbols = await documentSymbols(doc.uri);
    const sections = symbols.reduce((n, s) => n + (s.children?.length ?? 0), 0);
    const shape = symbols.map((s) => `${s.name} (${s.children?.length ?? 0})`);
    assert(symbols.length === 7 && sections === 29, `expected 7 top-level / 29 second-level symbols, got ${symbols.length} / ${sections}: ${preview(shape, 600)}`);
  });

  suite.test('a broken copy reports clause.no-lead and agency.unknown', async () => {
    planExtension();
    const root = workspaceRoot();
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, SAMPLE_FILE)));
    const noLead = '自治区商务厅牵头,';
    const renamed = '自治区金融办牵头';
    assert(sample.includes(noLead) && sample.includes(renamed), `the sample no longer contains '${noLead}' and '${renamed}'`);
    const broken = sample.replace(noLead, '').replace(renamed, '自治区不存在厅牵头');
    const uri = vscode.Uri.joinPath(root, 'broken.plan.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(broken));
    await openInEditor(uri);
    await withLanguage(uri);
    const want = ['clause.no-lead', 'agency.unknown'];
    await waitFor(
      () => {
        const codes = new Set(vscode.languages.getDiagnostics(uri).map(codeOf));
        return want.every((c) => codes.has(c));
      },
      SERVER_WAIT_MS,
      `diagnostics ${want.join(' and ')}`,
    ).catch((err: Error) => {
      throw new TestFailure(`${err.message}; got ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`);
    });
  });

  suite.test('completion after 自治区外事办、交 offers 交通运输厅', async () => {
    const doc = await openSample();
    const marker = '自治区外事办、交';
    const offset = doc.getText().indexOf(marker);
    assert(offset >= 0, `'${marker}' not found in the sample`);
    const position = doc.positionAt(offset + marker.length);
    let labels: string[] = [];
    await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
        labels = (list?.items ?? []).map(labelOf);
        return labels.some((l) => l.includes('交通运输厅'));
      },
      SERVER_WAIT_MS,
      'a completion item 交通运输厅',
    ).catch((err: Error) => {
      throw new TestFailure(`${err.message}; ${labels.length} items, first: ${preview(labels.slice(0, 20))}`);
    });
  });

  suite.test('hover on 自治区商务厅 in a clause mentions it', async () => {
    const doc = await openSample();
    const name = '自治区商务厅';
    const text = doc.getText();
    const at = Math.max(text.indexOf(`(${name}牵头`), text.indexOf(`（${name}牵头`));
    assert(at >= 0, `no clause led by ${name} in the sample`);
    const position = doc.positionAt(at + 1 + 3); // inside the name
    let shown = '';
    await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
        shown = hoverText(hovers ?? []);
        return shown.includes(name);
      },
      SERVER_WAIT_MS,
      `a hover mentioning ${name}`,
    ).catch((err: Error) => {
      throw new TestFailure(`${err.message}; hover text: ${preview(shown)}`);
    });
  });
}
