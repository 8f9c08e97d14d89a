// The protocol module (server/src/protocol.ts) and the manifest agree: every command the client
// contributes is named there, every message is fengong's own and named once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as protocol from '../../server/src/protocol';
import { ROOT } from '../helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('protocol.ts', () => {
  it('names every command package.json contributes, and no other', () => {
    const contributed = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    expect(Object.values(protocol.ClientCommands).sort()).toEqual(contributed);
    const menus = Object.values(manifest.contributes.menus as Record<string, { command: string }[]>).flat();
    for (const m of menus) expect(contributed, m.command).toContain(m.command);
  });

  it('declares each fengong/ message once', () => {
    const methods = (Object.values(protocol) as unknown[])
      .filter((v): v is { method: string } => typeof v === 'object' && v !== null && typeof (v as { method?: unknown }).method === 'string')
      .map((v) => v.method);
    expect(methods.length).toBeGreaterThanOrEqual(10);
    expect(new Set(methods).size).toBe(methods.length);
    for (const m of methods) expect(m).toMatch(/^fengong\/[a-zA-Z]+$/);
  });
});
