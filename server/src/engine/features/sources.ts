// Where a registry and its agencies come from (`AgencySource`): what the status item, hover,
// go-to-definition and rename need to know of it.
import type { Agency, AgencySource, Registry } from '../registry/registry';

/** `inner-mongolia` for a preset, the path for a registry file. */
export function sourceName(source: AgencySource): string {
  return source.kind === 'preset' ? source.preset : source.path;
}

/** The registry's sources for a person: `inner-mongolia + /ws/fengong.registry.json`. */
export function registryLabel(registry: Registry): string {
  return registry.sources.map(sourceName).join(' + ');
}

/** The first preset a registry is built on (a new registry file extends it). */
export function presetOf(registry: Registry | undefined): string | undefined {
  for (const s of registry?.sources ?? []) if (s.kind === 'preset') return s.preset;
  return undefined;
}

/** The registry file an agency is written in; undefined for a preset's agency. */
export function registryFileOf(agency: Agency | undefined): string | undefined {
  return agency?.source.kind === 'file' ? agency.source.path : undefined;
}

/** A new registry file holding one agency, extending the preset in effect if any. */
export function newRegistryText(name: string, preset: string | undefined): string {
  return JSON.stringify({ extends: preset ? [preset] : [], agencies: [{ name }], ignore: [] }, null, 2) + '\n';
}
