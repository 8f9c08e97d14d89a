// The project file's JSON Schema, for editors (package.json jsonValidation: fengong.json and
// fengong.registry.json): the zod schema the engine validates with, and what zod cannot say,
// so that the editor completes and explains the values: the registries `extends` names, every
// rule code `rules` can set with what it checks and its default level.
import * as z from 'zod/mini';
import { RULE_DESCRIPTIONS, planRuleCodes } from '../rules/descriptions';
import { RULES } from '../rules/rules';
import { NAMED } from './file';
import { provinces } from './places';
import { RULE_LEVELS, schemas } from './schema';

type Json = Record<string, unknown>;

export function projectJsonSchema(): object {
  const schema = z.toJSONSchema(schemas().RegistryFileSchema) as Json;
  const props = schema.properties as Record<string, Json>;
  const presets = [...NAMED, ...provinces().map((p) => p.name)];
  // Any place by name is accepted too (a province's short name or code), so the list completes but does not restrict.
  props.extends = { ...props.extends, items: { anyOf: [{ enum: presets }, { type: 'string' }] } };
  props.rules = {
    type: 'object',
    description: props.rules.description,
    properties: Object.fromEntries(
      planRuleCodes().map((code) => {
        const d = RULE_DESCRIPTIONS[code];
        return [code, { enum: [...RULE_LEVELS], description: `${d.zh}（默认 ${RULES.get(code)!.severity}） / ${d.en} (default ${RULES.get(code)!.severity})` }];
      }),
    ),
    additionalProperties: false,
  };
  return {
    title: 'fengong.json',
    description: 'fengong 项目文件：单位名录与检查规则，编辑器与命令行共用 / the fengong project file: the agency registry and the checks, for the editor and the checker alike',
    ...schema,
    // VS Code reads the file as JSONC: comments and trailing commas, as the engine does.
    allowTrailingCommas: true,
  };
}
