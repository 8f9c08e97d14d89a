// The values (enums, classes) the handlers take from vscode-languageserver, imported in this one
// place. It is a CommonJS package: esbuild gives every file that imports it a copy of its
// hundreds of exports, and ten such copies were 3 ms of the server's start-up. Types are still
// imported from the package itself (they cost nothing at run time).
export {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  ErrorCodes,
  FileChangeType,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver';
