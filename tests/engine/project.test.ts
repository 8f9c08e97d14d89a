// The project file's checks part: `rules` (a level per code) and `messages`, applied by analyze
// under the caller's own severities and locale; a wrong code or level is pointed at in the file.
import { describe, expect, it } from 'vitest';
import { analyze, loadRegistryFile, planRuleCodes, projectJsonSchema, RULES } from '../../server/src/engine';
import { taskPlan } from '../helpers';

const TEXT = taskPlan('加快口岸建设。(自治区财政厅等部门配合)\n推进物流发展。(自治区商务厅牵头,自治区不存在厅配合)');
const project = (json: string) => loadRegistryFile(json, '/p/fengong.json');
const find = (a: ReturnType<typeof analyze>, code: string) => a.findings.find((f) => f.code === code);

describe('the project file rules and messages', () => {
  it('sets a rule level, or switches it off, and keeps the agencies of the plan place', () => {
    const { registry, findings } = project('{ // JSONC\n "rules": { "clause.no-lead": "error", "agency.unknown": "off", },\n}');
    expect(findings).toEqual([]);
    const a = analyze(TEXT, { registry });
    expect(find(a, 'clause.no-lead')?.severity).toBe('error');
    expect(find(a, 'agency.unknown')).toBeUndefined();
    // Without the file: the table's levels.
    const plain = analyze(TEXT);
    expect(find(plain, 'clause.no-lead')?.severity).toBe('warning');
    expect(find(plain, 'agency.unknown')?.message).toContain('自治区不存在厅');
    // The file has no agencies: the plan's own place still resolves 自治区商务厅.
    expect(a.model.clauses[1].parties[0].agency).toBe('自治区商务厅');
  });

  it("lets the caller's severities and locale win (VS Code settings, --locale)", () => {
    const { registry } = project('{ "rules": { "clause.no-lead": "error" }, "messages": "en" }');
    const a = analyze(TEXT, { registry, severities: { 'clause.no-lead': 'hint' } });
    expect(find(a, 'clause.no-lead')?.severity).toBe('hint');
    expect(find(a, 'clause.no-lead')?.message).toBe('Clause names cooperating parties but no lead');
    expect(find(analyze(TEXT, { registry, locale: 'zh-cn' }), 'clause.no-lead')?.message).toBe('条款列有配合单位，但没有牵头单位');
  });

  it('keeps reused findings valid: the same merged severities for the same file and settings', () => {
    const { registry } = project('{ "rules": { "clause.no-lead": "error" } }');
    const severities = { 'agency.unknown': 'hint' as const };
    const first = analyze(TEXT, { registry, severities });
    const again = analyze(TEXT + '\n', { registry, severities, previous: first });
    expect(find(again, 'clause.no-lead')?.severity).toBe('error');
    expect(find(again, 'agency.unknown')?.severity).toBe('hint');
  });

  it('points at an unknown rule code by its key, and a wrong level by its value', () => {
    const text = '{\n  "rules": {\n    "clause.nope": "off",\n    "clause.missing": "loud"\n  }\n}';
    const bad = project('{\n  "rules": {\n    "clause.nope": "off"\n  }\n}');
    expect(bad.findings).toHaveLength(1);
    expect(bad.findings[0]).toMatchObject({ code: 'registry.unknown-rule', args: { rule: 'clause.nope' } });
    expect('{\n  "rules": {\n    "clause.nope": "off"\n  }\n}'.slice(bad.findings[0].span.start, bad.findings[0].span.end)).toBe('"clause.nope"');
    // The rest of the file still applies.
    expect(bad.registry).toBeDefined();
    const wrong = project(text);
    expect(wrong.registry).toBeUndefined();
    expect(wrong.findings[0].code).toBe('registry.invalid');
    expect(text.slice(wrong.findings[0].span.start, wrong.findings[0].span.end)).toBe('"clause.missing": "loud"');
    expect(project('{ "messages": "fr" }').findings[0].code).toBe('registry.invalid');
  });

  it('has a schema that completes the presets and the rule codes', () => {
    const schema = projectJsonSchema() as { allowTrailingCommas: boolean; properties: Record<string, { items?: { anyOf: { enum?: string[] }[] }; properties?: Record<string, { enum: string[]; description: string }> }> };
    expect(schema.allowTrailingCommas).toBe(true);
    const presets = schema.properties.extends.items!.anyOf[0].enum!;
    expect(presets).toEqual(expect.arrayContaining(['national', 'inner-mongolia', 'state-council', '广东省', '新疆维吾尔自治区']));
    expect(presets).toHaveLength(3 + 31);
    const rules = schema.properties.rules.properties!;
    expect(Object.keys(rules)).toEqual(planRuleCodes());
    expect(Object.keys(rules)).toContain('agency.superseded');
    expect(rules['clause.empty']).toEqual({ enum: ['off', 'hint', 'info', 'warning', 'error'], description: expect.stringContaining(`default ${RULES.get('clause.empty')!.severity}`) });
  });
});
