// The extension's settings as the server reads them (contributes.configuration in package.json).
import type { Locale, Severity } from '../engine';

export interface Settings {
  /** `searchAboveWorkspace`: a project file above the workspace folder applies too (off: only inside it). */
  registry: { presets: string[]; file: string; searchAboveWorkspace: boolean };
  severity: Record<string, Severity>;
  validate: 'onType' | 'onSave';
  /** `auto`: the editor's display language (Chinese for any zh-*, else English). */
  messages: Locale | 'auto';
  format: { fullWidth: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  registry: { presets: [], file: '', searchAboveWorkspace: false },
  severity: {},
  validate: 'onType',
  messages: 'auto',
  format: { fullWidth: false },
};

/** Whatever the client sends, a usable Settings comes back. */
export function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as Partial<Record<string, unknown>>;
  const reg = (r.registry ?? {}) as Partial<Record<string, unknown>>;
  const presets = Array.isArray(reg.presets) ? reg.presets.filter((p): p is string => typeof p === 'string') : [];
  const severity: Record<string, Severity> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity)) if (['error', 'warning', 'info', 'hint', 'ignore'].includes(v as string)) severity[k] = v as Severity;
  }
  const messages = r.messages === 'zh-cn' || r.messages === 'en' || r.messages === 'both' ? r.messages : 'auto';
  return {
    registry: { presets, file: typeof reg.file === 'string' ? reg.file : '', searchAboveWorkspace: reg.searchAboveWorkspace === true },
    severity,
    validate: r.validate === 'onSave' ? 'onSave' : 'onType',
    messages,
    format: { fullWidth: (r.format as { fullWidth?: unknown } | undefined)?.fullWidth === true },
  };
}

/** The settings in effect, and a generation that changes with them (cached analyses check it). */
export class SettingsState {
  current: Settings = DEFAULT_SETTINGS;
  generation = 0;
  /** The editor's display language (initialize's `locale`), for `messages: auto`. */
  displayLanguage = '';

  /** The language findings, details and titles are written in. */
  get locale(): Locale {
    const m = this.current.messages;
    if (m !== 'auto') return m;
    return this.displayLanguage.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
  }

  update(settings: Settings): void {
    this.current = settings;
    this.generation++;
  }
}
