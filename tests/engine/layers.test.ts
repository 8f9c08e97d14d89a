// The layers side by side (README, "For contributors"): the engine at the bottom (purity.test.ts);
// the shared modules over it (sheets/, host/, word/, node/, protocol.ts); the two adapters, the
// checker (cli/) and the language server (lsp/, server.ts), which never import each other; the
// client, which imports the protocol module and nothing else of the server.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { importsOf, sources, within, type Import } from '../imports';

const SERVER = join(ROOT, 'server/src');
const CLIENT = join(ROOT, 'client/src');
const PROTOCOL = join(SERVER, 'protocol');
const at = (p: string) => join(SERVER, p);
const CLI = [at('cli'), at('cli.ts')];
const LSP = [at('lsp'), at('server.ts'), at('node/main.ts')];
const SHARED = [at('sheets'), at('host'), at('word'), at('node/host.ts'), at('vendor'), at('protocol.ts')];

const inAny = (path: string | undefined, dirs: string[]) => dirs.some((d) => within(path, d) || within(path + '.ts', d) || within(path + '/index.ts', d));
const filesIn = (dirs: string[]) => sources(SERVER).filter((f) => inAny(f, dirs));
const show = (f: string, i: Import) => `${relative(ROOT, f)} imports ${i.spec}`;

function expectNoImport(from: string[], into: string[], why: string): void {
  const files = filesIn(from);
  expect(files.length, `files in ${from.map((d) => relative(ROOT, d)).join(', ')}`).toBeGreaterThan(0);
  for (const f of files) for (const i of importsOf(f)) expect(inAny(i.target, into), `${show(f, i)}: ${why}`).toBe(false);
}

describe('the layers', () => {
  it('the checker never imports the language server', () => expectNoImport(CLI, LSP, 'the CLI and the LSP are side by side'));
  it('the language server never imports the checker', () => expectNoImport(LSP, CLI, 'the CLI and the LSP are side by side'));
  it('the shared modules import neither adapter', () => expectNoImport(SHARED, [...CLI, ...LSP], 'shared modules sit under both adapters'));

  it('the client imports the protocol module and nothing else of the server', () => {
    const files = sources(CLIENT).filter((f) => !within(f, join(CLIENT, 'webview')));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      for (const i of importsOf(f)) {
        if (i.target) expect(within(i.target, CLIENT) || i.target === PROTOCOL, show(f, i)).toBe(true);
        else expect(i.spec === 'vscode' || i.spec === 'vscode-languageclient/node' || i.spec.startsWith('node:'), show(f, i)).toBe(true);
      }
    }
  });

  it('the matrix webview is a page of its own: no vscode, no Node, only its messages\' types and its stylesheet', () => {
    const WEBVIEW = join(CLIENT, 'webview');
    for (const f of sources(WEBVIEW)) {
      for (const i of importsOf(f)) {
        const ok = (i.target && within(i.target, WEBVIEW)) || (i.typeOnly && i.target === join(CLIENT, 'matrix/messages'));
        expect(ok, show(f, i)).toBe(true);
      }
    }
  });

  it('the protocol module holds types and message identities: at run time it needs vscode-languageserver-protocol only', () => {
    for (const i of importsOf(PROTOCOL + '.ts')) {
      if (!i.typeOnly) expect(i.spec, show(PROTOCOL, i)).toBe('vscode-languageserver-protocol');
    }
  });
});
