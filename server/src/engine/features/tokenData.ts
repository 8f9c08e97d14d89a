// Semantic tokens in the editors' relative encoding: five numbers per token (line delta, start
// delta, length, type, modifiers), one line each; a token across a line break is left out.
import type { PlanModel } from '../model';
import { semanticTokens } from './tokens';

export function semanticTokenData(model: PlanModel, registryInEffect: boolean): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of semanticTokens(model, registryInEffect)) {
    const s = model.lines.positionAt(t.span.start);
    const e = model.lines.positionAt(t.span.end);
    if (e.line !== s.line) continue;
    data.push(s.line - prevLine, s.line === prevLine ? s.character - prevChar : s.character, e.character - s.character, t.type, t.modifiers);
    prevLine = s.line;
    prevChar = s.character;
  }
  return data;
}
