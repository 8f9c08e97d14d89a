// Hover on a party: its registry name, other names, level, and its load here and in the workspace.
import { agencyKey, partyAt } from './at';
import type { PlanModel } from '../model';
import { loadByAgency, type Load } from './occurrences';
import type { Registry } from '../registry/registry';
import type { Span } from '../text';

export interface HoverResult {
  span: Span;
  /** Markdown. */
  markdown: string;
}

const LEVEL_ZH: Record<string, string> = {
  national: '国家级', provincial: '省级', prefectural: '地市级', county: '县级', branch: '中央驻地方机构', enterprise: '企业', other: '其他',
};
const ROLE_ZH = { lead: '牵头', cooperating: '配合', responsible: '负责' } as const;

export function hoverAt(model: PlanModel, offset: number, registry: Registry | undefined, workspaceLoad?: (key: string) => Load | undefined): HoverResult | undefined {
  const hit = partyAt(model, offset);
  if (!hit) return undefined;
  const { party } = hit;
  const key = agencyKey(party);
  const agency = party.agency ? registry?.lookup(party.agency) : undefined;
  const lines: string[] = [];
  lines.push(`**${key}** — ${ROLE_ZH[party.role]} (${party.role})`);
  if (party.written !== key) lines.push('', `写作 (written): ${party.written}${party.prefix ? `（承前省略“${party.prefix}” / prefix carried）` : ''}`);
  if (agency) {
    if (agency.aliases.length) lines.push('', `又称 (also): ${agency.aliases.join('、')}`);
    if (agency.level) lines.push('', `层级 (level): ${LEVEL_ZH[agency.level] ?? agency.level} (${agency.level})`);
    lines.push('', `来源 (registry): ${agency.source.kind === 'preset' ? `预设 preset ${agency.source.preset}` : agency.source.path}`);
  } else if (party.collective) {
    lines.push('', '泛指单位 (collective party)');
  } else {
    lines.push('', registry ? '⚠ 不在单位名录中 (not in the registry)' : '未使用单位名录 (no registry in effect)');
  }
  const here = loadByAgency(model).get(key);
  if (here) lines.push('', `本文档 (this document): 牵头 ${here.lead} 项 · 配合 ${here.cooperating} 项 · 负责 ${here.responsible} 项 (leads ${here.lead}, cooperates on ${here.cooperating}, responsible for ${here.responsible})`);
  const ws = workspaceLoad?.(key);
  if (ws) lines.push('', `工作区 (workspace): 牵头 ${ws.lead} 项 · 配合 ${ws.cooperating} 项 · 负责 ${ws.responsible} 项`);
  return { span: party.span, markdown: lines.join('\n') };
}
