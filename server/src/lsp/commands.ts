// The commands the server executes (ServerCommands in protocol.ts): renumber the plan, and
// repair it (every safe fix, formatting, renumbering: `repairPlan`).
import { renumberPlan, repairPlan, say } from '../engine';
import { ServerCommands, type CommandResult } from '../protocol';
import type { ServerContext } from './context';
import { textEditsOf } from './convert';
import { renumberEdit } from './workspaceEdits';

export const SERVER_COMMANDS: string[] = Object.values(ServerCommands);

export function registerCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(
    ctx.guard('executeCommand', undefined as CommandResult | undefined, async (params) => {
      const uri = (params.arguments?.[0] as string | undefined) ?? '';
      const doc = ctx.documents.get(uri);
      if (!doc || ctx.plans.isRegistry(uri)) return undefined;
      const a = await ctx.plans.analysisOf(doc);
      if (params.command === ServerCommands.renumber) {
        const r = renumberPlan(a.model);
        if (r.edits.length === 0) return { changed: 0 };
        await ctx.connection.workspace.applyEdit({ label: say(ctx.settings.locale, '重新编号', 'renumber'), edit: renumberEdit(ctx, uri, a, r.edits, r.references) });
        return { changed: r.changes.length, references: r.references.length };
      }
      if (params.command === ServerCommands.repair) {
        const s = ctx.settings.current;
        const r = repairPlan(doc.getText(), { registry: a.registry, severities: s.severity, format: { fullWidth: s.format.fullWidth } });
        if (!r.changed) return { changed: 0 };
        await ctx.connection.workspace.applyEdit({ label: say(ctx.settings.locale, '修复方案', 'repair plan'), edit: { changes: { [uri]: textEditsOf(a.model.lines, r.edits) } } });
        return { changed: r.counts.fixes + r.counts.format + r.counts.renumber, references: r.references.length, counts: r.counts };
      }
      return undefined;
    }),
  );
}
