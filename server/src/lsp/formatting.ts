// Format Document and Format Selection: clause brackets and separators in one width.
import type { TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../engine';
import type { ServerContext } from './context';
import { textEditsOf } from './convert';

export function registerFormatting(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  const fullWidth = () => ctx.settings.current.format.fullWidth;
  connection.onDocumentFormatting(
    guard('formatting', [] as TextEdit[], async (params) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri);
      return a ? textEditsOf(a.model.lines, formatEdits(a.model, { fullWidth: fullWidth() })) : [];
    }),
  );

  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [] as TextEdit[], async (params) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri);
      if (!a) return [];
      const lines = a.model.lines;
      const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
      return textEditsOf(lines, formatEdits(a.model, { fullWidth: fullWidth(), range }));
    }),
  );
}
