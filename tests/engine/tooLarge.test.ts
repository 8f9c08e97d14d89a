// A text past the caller's limit (checkUpTo): its headings as the full read finds them, and
// one finding instead of the checks.
import { describe, expect, it } from 'vitest';
import { analyze, buildOutline } from '../../server/src/engine';
import { SAMPLE } from '../helpers';

describe('checkUpTo', () => {
  it('below the limit nothing changes', () => {
    expect(analyze(SAMPLE, { checkUpTo: SAMPLE.length }).findings.map((f) => f.code)).toEqual(analyze(SAMPLE).findings.map((f) => f.code));
  });

  it('past it: the full read\'s headings and parts, no tasks, one engine.too-large finding in both languages', () => {
    const full = analyze(SAMPLE).model;
    const a = analyze(SAMPLE, { checkUpTo: 1000 });
    const sig = (h: (typeof full.headings)[number]) => `${h.line} ${h.marker} ${h.title} ^${h.parent ?? '-'}`;
    expect(a.model.headings.map(sig)).toEqual(full.headings.map(sig));
    expect(a.model.tasks).toEqual([]);
    expect(buildOutline(a.model).map((n) => n.number + n.title)).toEqual(buildOutline(full).filter((n) => n.kind !== 'task').map((n) => n.number + n.title));
    expect(a.findings.map((f) => [f.code, f.severity])).toEqual([['engine.too-large', 'warning']]);
    expect(a.findings[0].message.startsWith(`文件过大（${SAMPLE.length.toLocaleString('en')} 个字符，上限 1,000）：只显示大纲，不作检查`)).toBe(true);
    expect(analyze(SAMPLE, { checkUpTo: 1000, locale: 'en' }).findings[0].message).toMatch(/^Document too large to check/);
    expect(analyze(SAMPLE, { checkUpTo: 1000, severities: { 'engine.too-large': 'ignore' } }).findings).toEqual([]);
  });

  it('a broken text past the limit still gets its headings, never a throw', () => {
    const text = '一、\n(\n（一\n1.\n' + '\r'.repeat(50) + '二、总体要求\n';
    const a = analyze(text, { checkUpTo: 10 });
    expect(a.model.headings.map((h) => h.marker)).toContain('二、');
  });
});
