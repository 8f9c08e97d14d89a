// The bench's yardstick: a vscode-languageserver stdio server that does trivial work, bundled
// into one file like dist/server.js, so the LSP rows compare like with like.
//   node .cache/bench/minimal-server.cjs --stdio
// It keeps documents with full/incremental sync, publishes an empty diagnostics array (with the
// document's version) whenever a document opens or changes, and answers documentSymbol with a
// fixed small list.
import {
  createConnection,
  DocumentSymbol,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'fengong-bench-minimal' },
  }),
);

documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
const SYMBOLS: DocumentSymbol[] = [
  DocumentSymbol.create('一、', undefined, SymbolKind.Namespace, range(0), range(0), [
    DocumentSymbol.create('(一)', undefined, SymbolKind.Class, range(1), range(1)),
  ]),
  DocumentSymbol.create('二、', undefined, SymbolKind.Namespace, range(2), range(2)),
];

connection.onDocumentSymbol(() => SYMBOLS);

documents.listen(connection);
connection.listen();
