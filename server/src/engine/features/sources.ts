// Where a registry and its agencies come from (`AgencySource`): what the status item, hover,
// go-to-definition and rename need to know of it.
import type { Agency, AgencySource, Registry } from '../registry/registry';

/** The data file for a data entry, the name for a preset, the path for a registry file. */
export function sourceName(source: AgencySource): string {
  return source.kind === 'data' ? source.file : source.kind === 'preset' ? source.name : source.path;
}

/** The registry's sources for a person: `national + 内蒙古自治区 + /ws/fengong.registry.json`. */
export function registryLabel(registry: Registry): string {
  return registry.sources.join(' + ');
}

/** The named registry a workspace file extends, if it names one (a new registry file extends it too). */
export function presetOf(registry: Registry | undefined): string | undefined {
  return registry?.layer?.extends[0];
}

/** The registry file an agency is written in; undefined for a preset's agency. */
export function registryFileOf(agency: Agency | undefined): string | undefined {
  return agency?.source.kind === 'file' ? agency.source.path : undefined;
}

/** A new registry file holding one agency (and its other names), extending the preset in effect if any. */
export function newRegistryText(name: string, preset: string | undefined, aliases: string[] = []): string {
  // No `extends`: the plan's own place's data stays under the file's entries.
  return JSON.stringify({ ...(preset ? { extends: [preset] } : {}), agencies: [{ name, ...(aliases.length ? { aliases } : {}) }], ignore: [] }, null, 2) + '\n';
}
