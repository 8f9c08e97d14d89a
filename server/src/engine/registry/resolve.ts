// Party names against the registry: restore a carried prefix only where the name does not
// stand on its own (内蒙古国税局、人民银行呼和浩特中心支行 keeps the bank's own name).
import type { Party, PlanModel } from '../model';
import { standsAlone } from '../parse/names';
import { normalizeName, PRESETS, presetRegistry, type Registry } from './registry';

export function resolveParty(p: Party, registry: Registry | undefined): void {
  const written = normalizeName(p.written);
  const carried = p.prefix ? p.prefix + written : undefined;
  if (p.collective) {
    // 各区、县级市: the collective keeps the 各 its list carries.
    p.name = carried ?? written;
    p.agency = undefined;
    return;
  }
  if (registry) {
    // The carried form first (交通运输厅 → 自治区交通运输厅), then as written (满洲里海关 after 内蒙古…、).
    const asCarried = carried ? registry.lookup(carried) : undefined;
    const known = asCarried ?? registry.lookup(written);
    if (known) {
      p.name = asCarried ? carried! : written;
      p.agency = known.name;
      return;
    }
  }
  p.name = carried && !standsAlone(written) ? carried : written;
  p.agency = undefined;
}

const NO_REGISTRY = {};

export function resolveModel(model: PlanModel, registry: Registry | undefined): void {
  const key = registry ?? NO_REGISTRY;
  for (const c of model.clauses) {
    // A reused clause of an unchanged line is resolved already, unless the registry changed.
    if (c.resolvedWith === key) continue;
    for (const p of c.parties) resolveParty(p, registry);
    c.resolvedWith = key;
  }
}

/**
 * With no registry file, the preset the document's names fit best; undefined when none fits
 * well enough (then unknown agencies are not reported one by one). A third of the names is
 * enough: a document that names some known bodies by their exact names is of that region.
 */
export function pickPreset(model: PlanModel): Registry | undefined {
  let best: { name: string; hits: number } | undefined;
  let total = 0;
  for (const c of model.clauses) for (const p of c.parties) if (!p.collective) total++;
  if (total === 0) return undefined;
  for (const name of Object.keys(PRESETS)) {
    const reg = presetFor(name);
    let hits = 0;
    for (const c of model.clauses)
      for (const p of c.parties) {
        if (p.collective) continue;
        const w = normalizeName(p.written);
        if (reg.lookup(w) || (p.prefix && reg.lookup(p.prefix + w))) hits++;
      }
    if (!best || hits > best.hits) best = { name, hits };
  }
  return best && best.hits / total >= 0.3 ? presetFor(best.name) : undefined;
}

const presetCache = new Map<string, Registry>();

/** Built-in presets are immutable: build each once. */
export function presetFor(name: string): Registry {
  let r = presetCache.get(name);
  if (!r) presetCache.set(name, (r = presetRegistry([name])));
  return r;
}
