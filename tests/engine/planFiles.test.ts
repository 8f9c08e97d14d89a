// "Is this a plan?": the engine's answer, and VS Code's copy of it in package.json (which the
// client reads from its manifest) say the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFilesOf, planGlob, planStem as clientStem } from '../../client/src/planFiles';
import { isPlan, isPlanFileName, mayBePlanFileName, namesAPlan, PLAN_EXTENSIONS, PLAN_FIRST_LINE, planStem } from '../../server/src/engine';
import { ROOT, SAMPLE } from '../helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'fengong');
const plans = planFilesOf({ packageJSON: manifest } as never);

describe('is this a plan?', () => {
  it('package.json declares the engine\'s endings and first line to VS Code', () => {
    expect(language.extensions).toEqual([...PLAN_EXTENSIONS]);
    expect(language.firstLine).toBe(`^\\ufeff?\\s*.*(${PLAN_FIRST_LINE.source})`);
    expect(plans.extensions).toEqual([...PLAN_EXTENSIONS]);
    expect(planGlob(plans)).toBe('**/*.{fengong,plan.txt,plan.md}');
  });

  it('by name, or by a first line naming a plan', () => {
    expect(isPlanFileName('/ws/a.plan.txt')).toBe(true);
    expect(isPlanFileName('/ws/A.FENGONG')).toBe(true);
    expect(isPlanFileName('/ws/a.txt')).toBe(false);
    expect(mayBePlanFileName('/ws/a.txt')).toBe(true);
    expect(mayBePlanFileName('/ws/a.docx')).toBe(false);
    expect(namesAPlan(SAMPLE)).toBe(true);
    expect(namesAPlan('# 会议纪要\n分工方案')).toBe(false);
    expect(isPlan('/ws/notice.txt', '\ufeff《某规划》任务分工方案\n')).toBe(true);
    expect(isPlan('/ws/notes.md', '# 会议纪要\n')).toBe(false);
    for (const line of ['《规划》重点工作分工方案', '\ufeff  关于责任分解的通知', '任务分工']) {
      expect(new RegExp(language.firstLine).test(line), line).toBe(namesAPlan(line));
    }
  });

  it('names derived files after the plan\'s stem, in the client as in the engine', () => {
    for (const [name, stem] of [['满洲里.plan.txt', '满洲里'], ['a.PLAN.md', 'a'], ['b.fengong', 'b'], ['c.txt', 'c'], ['d.md', 'd'], ['e', 'e']]) {
      expect(planStem(name), name).toBe(stem);
      expect(clientStem(name, plans), name).toBe(stem);
    }
  });
});
