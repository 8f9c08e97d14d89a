// Completion: at the start of a line, the next heading number first (and numbered skeletons);
// agency names inside a clause (by Chinese or pinyin, names used in the workspace first, the
// clause's own names last); a clause snippet right after a task's sentence.
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from './protocolValues';
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
      // This version's analysis (made from the last one, so cheap): the registry follows the
      // clauses' names as they are written, from a new plan's first clause on.
      const a = await ctx.plans.analysisOf(doc);
      const load = await ctx.plans.workspaceLoad();
      const text = doc.getText();
      const offset = doc.offsetAt(params.position);
      const locale = ctx.settings.locale;
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
      // At a line start (after what was typed of a marker: `(`, `（二`) the next heading number
      // comes first, whatever else the place allows: `(` also opens a clause.
      const headings = headingCompletionsAt(text, offset, a.model, locale).map((h) => ({ ...item({ ...h, snippet: !!h.snippet }, CompletionItemKind.EnumMember), preselect: h.preselect }));
      const skeletons = skeletonSnippetsAt(text, offset, a.model, locale).map((sn) => item({ ...sn, sortText: `y${sn.name}`, snippet: true }, CompletionItemKind.Snippet));
      const result = completeAt(text, offset, {
        registry: a.registry,
        pinyin: ctx.pinyin(),
        usage: (name) => {
          const l = load.get(name);
          return l ? l.lead + l.cooperating + l.responsible : 0;
        },
        firstHeading: a.model.headings[0]?.span.start,
        locale,
        ...completionStyle(a.model),
      });
      const found = result.items.map((it) => ({
        ...item({ ...it, sortText: headings.length ? `z${it.sortText}` : it.sortText }, it.kind === 'agency' ? CompletionItemKind.Value : CompletionItemKind.Snippet),
        documentation: it.documentation,
        filterText: it.filterText,
      }));
      // Skeletons are no names: not while a name is typed in a clause (`jt` is pinyin there).
      const inClause = result.items.some((it) => it.kind === 'agency');
      return { isIncomplete: result.incomplete, items: [...headings, ...(inClause ? [] : skeletons), ...found] };
    }),
  );
}
