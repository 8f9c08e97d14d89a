// Helpers shared by the language tests (plan.e2e.ts, edit.e2e.ts): the extension under test,
// opening plans in editors, and reading what the language server reports through VS Code.
import * as vscode from 'vscode';
import { extensionUnderTest, expectedExtensionPath, SAMPLE_FILE, workspaceRoot } from './context';
import { assert, preview, TestFailure, waitFor } from './harness';

export const LANGUAGE_ID = 'fengong';
/** How long to wait for the language server to answer or to publish diagnostics. */
export const SERVER_WAIT_MS = 15_000;

export function planExtension(): vscode.Extension<unknown> {
  const ext = extensionUnderTest();
  assert(ext, `no extension loaded from ${expectedExtensionPath()}`);
  const languages: Array<{ id?: string }> = ext.packageJSON?.contributes?.languages ?? [];
  assert(
    languages.some((l) => l.id === LANGUAGE_ID),
    `${ext.id} contributes no language '${LANGUAGE_ID}' (contributes.languages = ${preview(languages)})`,
  );
  return ext;
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

export async function openSample(): Promise<vscode.TextDocument> {
  planExtension();
  const uri = vscode.Uri.joinPath(workspaceRoot(), SAMPLE_FILE);
  await openInEditor(uri);
  return withLanguage(uri);
}

/** Writes a file under the workspace root (creating folders), opens it, waits for the fengong language. */
export async function openNewPlan(relativePath: string, text: string): Promise<vscode.TextDocument> {
  planExtension();
  const uri = await writeWorkspaceFile(relativePath, text);
  await openInEditor(uri);
  return withLanguage(uri);
}

export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readSampleText(): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), SAMPLE_FILE));
  return new TextDecoder().decode(bytes);
}

/**
 * The open document once it has the fengong language. Waits, since an extension may set the
 * language after opening (vscode.languages.setTextDocumentLanguage), which replaces the
 * TextDocument object: use the one returned here.
 */
export async function withLanguage(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const name = uri.path.split('/').pop();
  await waitFor(() => openDocument(uri)?.languageId === LANGUAGE_ID, 5_000, `${name} to get language '${LANGUAGE_ID}'`).catch((err: Error) => {
    throw new TestFailure(`${err.message} (it has '${openDocument(uri)?.languageId}')`);
  });
  const doc = openDocument(uri);
  assert(doc, `${name} is not open`);
  return doc;
}

/** Hierarchical document symbols, waiting for the language server to answer. */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await waitFor(
    async () => {
      const s = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', uri);
      return s && s.length > 0 ? s : undefined;
    },
    SERVER_WAIT_MS,
    'document symbols from the language server',
  );
  assert(
    symbols.every((s) => 'children' in s),
    `expected hierarchical DocumentSymbols, got SymbolInformation: ${preview(symbols.slice(0, 2))}`,
  );
  return symbols as vscode.DocumentSymbol[];
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[], max = 8): string {
  return preview(
    ds.slice(0, max).map((d) => `${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d) || `(${d.source ?? 'no code'})`} L${d.range.start.line + 1}: ${d.message}`),
    800,
  );
}

/** Waits until `check` holds for the diagnostics of `uri`; the failure lists what was there. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  check: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = SERVER_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  await waitFor(
    () => {
      last = vscode.languages.getDiagnostics(uri);
      return check(last);
    },
    timeoutMs,
    what,
  ).catch((err: Error) => {
    throw new TestFailure(`${err.message}; ${uri.path.split('/').pop()} has ${last.length}: ${describeDiagnostics(last)}`);
  });
  return last;
}

export function hoverText(hovers: vscode.Hover[]): string {
  const parts: string[] = [];
  for (const h of hovers) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if (c && typeof (c as { value?: unknown }).value === 'string') parts.push((c as { value: string }).value);
    }
  }
  return parts.join('\n');
}

export function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Applies a WorkspaceEdit, failing the test when VS Code refuses it or does not answer. */
export async function applyEdit(edit: vscode.WorkspaceEdit, what: string, timeoutMs = 10_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const ok = await Promise.race([Promise.resolve(vscode.workspace.applyEdit(edit)), timeout]);
    if (ok === 'timeout') throw new TestFailure(`workspace.applyEdit(${what}) did not settle within ${timeoutMs} ms`);
    assert(ok, `workspace.applyEdit(${what}) returned false`);
  } finally {
    clearTimeout(timer);
  }
}
