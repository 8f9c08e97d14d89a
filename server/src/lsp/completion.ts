// Completion: agency names inside a clause (by Chinese or pinyin, names used in the workspace
// first) and a clause snippet after a task; at the start of a line, the next heading number
// and numbered skeletons.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { completeAt, completionStyle, headingCompletionsAt, skeletonSnippetsAt, type Span } from '../engine';
import type { ServerContext } from './context';

interface ItemSource {
  label: string;
  detail?: string;
  sortText: string;
  replace: Span;
  insertText: string;
  snippet: boolean;
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    ctx.guard('completion', null as CompletionList | null, async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || ctx.plans.isRegistry(doc.uri)) return null;
      // Completion reads only the current line; the last model (any version) gives the registry and style.
      const cached = ctx.analyses.peek(doc.uri);
      // The registry in effect: the workspace file's over the plan's place's, as the last analysis chose it.
      const registry = cached?.registry ?? (await ctx.plans.analysisOf(doc)).registry;
      const load = await ctx.plans.workspaceLoad();
      const text = doc.getText();
      const offset = doc.offsetAt(params.position);
      const result = completeAt(text, offset, {
        registry,
        pinyin: ctx.pinyin(),
        usage: (name) => {
          const l = load.get(name);
          return l ? l.lead + l.cooperating + l.responsible : 0;
        },
        ...completionStyle(cached?.model),
      });
      // The open document maps offsets itself: a line index of the whole text per keystroke would
      // make completion grow with the document.
      const item = (x: ItemSource, kind: CompletionItemKind): CompletionItem => ({
        label: x.label,
        kind,
        detail: x.detail,
        sortText: x.sortText,
        insertTextFormat: x.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: { start: doc.positionAt(x.replace.start), end: doc.positionAt(x.replace.end) }, newText: x.insertText },
      });
      if (result.items.length === 0) {
        // Not in a clause: at the start of a line, the next heading number and numbered skeletons.
        const model = (await ctx.plans.analysisOf(doc)).model;
        const headings = headingCompletionsAt(text, offset, model).map((h) => ({ ...item({ ...h, snippet: !!h.snippet }, CompletionItemKind.EnumMember), preselect: h.preselect }));
        const skeletons = skeletonSnippetsAt(text, offset, model).map((sn) => item({ ...sn, sortText: `z${sn.name}`, snippet: true }, CompletionItemKind.Snippet));
        if (headings.length || skeletons.length) return { isIncomplete: false, items: [...headings, ...skeletons] };
      }
      return {
        isIncomplete: result.incomplete,
        items: result.items.map((it) => ({
          ...item(it, it.kind === 'agency' ? CompletionItemKind.Value : CompletionItemKind.Snippet),
          documentation: it.documentation,
          filterText: it.filterText,
        })),
      };
    }),
  );
}
