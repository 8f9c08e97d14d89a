// Hover on a party: its registry name, other names, level, and its load here and in the workspace.
import { agencyKey, partyAt, taskAt } from './at';
import type { Deadline, PlanModel } from '../model';
import { loadByAgency, type Load } from './occurrences';
import type { AgencySource, Registry } from '../registry/registry';
import type { Span } from '../text';

export interface HoverResult {
  span: Span;
  /** Markdown. */
  markdown: string;
}

const LEVEL_ZH: Record<string, string> = {
  national: '国家级', provincial: '省级', city: '地市级', prefectural: '地市级', county: '县级', township: '乡镇级', branch: '中央驻地方机构', enterprise: '企业', other: '其他',
};

/** Where an entry comes from, as hover says it (a data entry names the public source it cites). */
export function sourceText(source: AgencySource): string {
  if (source.kind === 'data') return `${source.title}${source.url && /^https?:/.test(source.url) ? ` <${source.url}>` : ''}（${source.file}）`;
  if (source.kind === 'preset') return `预设 preset ${source.name}`;
  return source.path;
}
const ROLE_ZH = { lead: '牵头', cooperating: '配合', responsible: '负责' } as const;

export function hoverAt(model: PlanModel, offset: number, registry: Registry | undefined, workspaceLoad?: (key: string) => Load | undefined): HoverResult | undefined {
  const hit = partyAt(model, offset);
  const task = taskAt(model, offset);
  if (!hit) {
    // On the deadline itself: what date it names.
    const d = task?.deadline;
    return d && offset >= d.span.start && offset <= d.span.end ? { span: d.span, markdown: deadlineLine(d) } : undefined;
  }
  const { party } = hit;
  const key = agencyKey(party);
  const agency = party.agency ? registry?.lookup(party.agency) : undefined;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(key)}** — ${ROLE_ZH[party.role]} (${party.role})`);
  if (party.written !== key) lines.push('', `写作 (written): ${escapeMarkdown(party.written)}${party.prefix ? `（承前省略“${party.prefix}” / prefix carried）` : ''}`);
  const entry = party.agencyId ? registry?.byIdOf(party.agencyId) : agency;
  if (entry) {
    // Every value from an entry is text (a project file is the workspace's, anyone's to write).
    const md = escapeMarkdown;
    if (entry.fullName && entry.fullName !== entry.name) lines.push('', `全称 (full name): ${md(entry.fullName)}`);
    const also = entry.aliases.filter((a) => a !== entry.fullName);
    if (also.length) lines.push('', `又称 (also): ${also.map(md).join('、')}`);
    const level = entry.level ? `${LEVEL_ZH[entry.level] ?? md(entry.level)} (${md(entry.level)})` : '';
    if (level || entry.kind) lines.push('', `层级 (level): ${[level, entry.kind ? md(entry.kind) : '', entry.parent ? `由${md(entry.parent)}管理` : ''].filter(Boolean).join(' · ')}`);
    if (entry.since || entry.until) lines.push('', `存续 (in existence): ${md(entry.since ?? '…')} — ${entry.until ? md(entry.until) : '至今 (now)'}${entry.reform ? `（${md(entry.reform)}年机构改革 / ${md(entry.reform)} reform）` : ''}`);
    if (entry.successors.length) lines.push('', `承接 (succeeded by): ${entry.successors.map((s) => `${md(s.name)}${s.part ? `（${md(s.part)}）` : ''}`).join('、')}`);
    lines.push('', `来源 (source): ${escapeMarkdown(sourceText(entry.source))}`);
  } else if (party.collective) {
    lines.push('', '泛指单位 (collective party)');
  } else {
    lines.push('', registry ? '⚠ 不在单位名录中 (not in the registry)' : '未使用单位名录 (no registry in effect)');
  }
  const here = loadByAgency(model).get(key);
  if (here) lines.push('', `本文档 (this document): 牵头 ${here.lead} 项 · 配合 ${here.cooperating} 项 · 负责 ${here.responsible} 项 (leads ${here.lead}, cooperates on ${here.cooperating}, responsible for ${here.responsible})`);
  const ws = workspaceLoad?.(key);
  if (ws) lines.push('', `工作区 (workspace): 牵头 ${ws.lead} 项 · 配合 ${ws.cooperating} 项 · 负责 ${ws.responsible} 项`);
  if (task?.deadline) lines.push('', deadlineLine(task.deadline));
  return { span: party.span, markdown: lines.join('\n') };
}

/** `完成时限 (deadline): 2024年底前完成 → 2024-12`. */
function deadlineLine(d: Deadline): string {
  const date = d.date === 'ongoing' ? '持续 (ongoing)' : d.date ?? '日期未定 (no date)';
  return `完成时限 (deadline): ${escapeMarkdown(d.text)} → ${escapeMarkdown(date)}`;
}

/**
 * Names and titles go into markdown as text: no link, image, emphasis or HTML can come from a
 * data file, a project file or a plan. Every ASCII punctuation mark CommonMark lets a backslash
 * escape is escaped (`&` too: no entity; `:` too: no bare-URL autolink); a line break becomes a
 * space, so a name cannot start a block of its own.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[!-\/:-@\[-`{-~]/g, (c) => `\\${c}`);
}
