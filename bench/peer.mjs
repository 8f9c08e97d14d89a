// The peer: vscode-markdown-languageservice 0.4 over an in-memory workspace, with a markdown-it
// parser that keeps one token list per document version (as VS Code's Markdown support does),
// modelled on the service's own tests (src/test/inMemoryWorkspace.ts, src/test/engine.ts).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const md = require('vscode-markdown-languageservice');
const MarkdownIt = require('markdown-it');
const { Emitter, CancellationTokenSource } = require('vscode-languageserver');
const { URI } = require('vscode-uri');
const { TextDocument } = require('vscode-languageserver-textdocument');

export function createMarkdownIt() {
  return MarkdownIt({ html: true });
}

class InMemoryWorkspace {
  #docs = new Map();
  #changed = new Emitter();
  #created = new Emitter();
  #deleted = new Emitter();
  onDidChangeMarkdownDocument = this.#changed.event;
  onDidCreateMarkdownDocument = this.#created.event;
  onDidDeleteMarkdownDocument = this.#deleted.event;

  get workspaceFolders() {
    return [URI.file('/bench')];
  }
  add(doc) {
    this.#docs.set(doc.uri, doc);
    this.#created.fire(doc);
  }
  /** Call after a document's text changed: the service drops what it had cached for it. */
  changed(doc) {
    this.#docs.set(doc.uri, doc);
    this.#changed.fire(doc);
  }
  async getAllMarkdownDocuments() {
    return [...this.#docs.values()];
  }
  hasMarkdownDocument(resource) {
    return this.#docs.has(resource.toString());
  }
  async openMarkdownDocument(resource) {
    return this.#docs.get(resource.toString());
  }
  async stat(resource) {
    const key = resource.toString();
    if (this.#docs.has(key)) return { isDirectory: false };
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const k of this.#docs.keys()) if (k.startsWith(prefix)) return { isDirectory: true };
    return undefined;
  }
  async readDirectory(resource) {
    const prefix = resource.toString().replace(/\/?$/, '/');
    const out = new Map();
    for (const k of this.#docs.keys()) {
      if (!k.startsWith(prefix)) continue;
      const parts = k.slice(prefix.length).split('/');
      out.set(parts[0], { isDirectory: parts.length > 1 });
    }
    return [...out.entries()];
  }
}

function cachingParser() {
  const it = createMarkdownIt();
  const cache = new Map();
  return {
    slugifier: md.githubSlugifier,
    async tokenize(doc) {
      const hit = cache.get(doc.uri);
      if (hit && hit.version === doc.version) return hit.tokens;
      const tokens = it.parse(doc.getText(), {});
      cache.set(doc.uri, { version: doc.version, tokens });
      return tokens;
    },
  };
}

const DIAGNOSTIC_OPTIONS = {
  validateReferences: md.DiagnosticLevel.warning,
  validateFragmentLinks: md.DiagnosticLevel.warning,
  validateFileLinks: md.DiagnosticLevel.warning,
  validateMarkdownFileLinkFragments: md.DiagnosticLevel.warning,
  validateUnusedLinkDefinitions: md.DiagnosticLevel.warning,
  validateDuplicateLinkDefinitions: md.DiagnosticLevel.warning,
  ignoreLinks: [],
};

export function createPeer() {
  const workspace = new InMemoryWorkspace();
  const logger = { level: md.LogLevel.Off, log() {} };
  const service = md.createLanguageService({ workspace, parser: cachingParser(), logger });
  const token = new CancellationTokenSource().token;
  return {
    service,
    workspace,
    open(path, text) {
      const doc = TextDocument.create(URI.file(path).toString(), 'markdown', 1, text);
      workspace.add(doc);
      return doc;
    },
    /** One range change, then what an editor asks for after every edit. */
    async editThenRefresh(doc, rangeChange) {
      TextDocument.update(doc, [rangeChange], doc.version + 1);
      workspace.changed(doc);
      const [symbols, folding, diagnostics] = await Promise.all([
        service.getDocumentSymbols(doc, { includeLinkDefinitions: true }, token),
        service.getFoldingRanges(doc, token),
        service.computeDiagnostics(doc, DIAGNOSTIC_OPTIONS, token),
      ]);
      return symbols.length + folding.length + diagnostics.length;
    },
    async headingCompletion(doc, position) {
      const items = await service.getCompletionItems(doc, position, {}, token);
      return items.length;
    },
    dispose() {
      service.dispose();
    },
  };
}
