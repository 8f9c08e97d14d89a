// The checker under a project file nested ten thousand levels deep: the file's finding, located,
// and the plan checked as if there were no file, instead of an internal error.
import { beforeAll, describe, expect, it } from 'vitest';
import { build, cli, workspace } from './cli';

beforeAll(() => build());

describe('fengong check under a project file it cannot use', () => {
  it('nested 10,000 levels: prints registry.invalid-json at the 101st bracket and checks the plan', () => {
    const dir = workspace({ 'fengong.json': '['.repeat(10_000) + ']'.repeat(10_000), 'a.plan.txt': '《甲》分工方案\n一、任务\n推进改革。(县甲局牵头)\n' });
    const r = cli(['check', 'a.plan.txt'], { cwd: dir });
    expect(r.stdout + r.stderr).not.toMatch(/内部错误|internal error|Maximum call stack/);
    expect(r.stdout).toMatch(/^fengong\.json:1:101: error: 单位名录不是有效的 JSON：嵌套超过 100 层.*\[registry\.invalid-json\]$/m);
    expect(r.stdout).toMatch(/a\.plan\.txt:3:\d+: warning: .*\[agency\.unknown\]/);
    expect(r.status).toBe(1);
  });

  it('{"extends":["constructor"]}: prints the unknown preset and checks the plan against the file', () => {
    const dir = workspace({ 'fengong.json': '{"extends":["constructor"], "agencies": [{ "name": "县甲局" }]}', 'a.plan.txt': '《甲》分工方案\n一、任务\n推进改革。(县甲局牵头)\n' });
    const r = cli(['check', 'a.plan.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/^fengong\.json:1:13: error: 未知的预设“constructor”.*\[registry\.unknown-preset\]$/m);
    expect(r.stdout).not.toMatch(/agency\.unknown/);
    expect(r.status).toBe(1);
  });
});
