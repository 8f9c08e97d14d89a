// `check --format sarif`: a SARIF 2.1.0 log (OASIS), what code-scanning services read (GitHub's
// upload-sarif). The driver lists every rule with what it checks in both languages and its
// default level; each finding is a result at its file, with a region of 1-based lines and
// columns in UTF-16 code units (SARIF's default column kind, and the engine's). Paths inside the
// working folder are relative to %SRCROOT%, the working folder, as GitHub expects.
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { RULES, RULE_DESCRIPTIONS, type ReportDiagnostic, type RuleCode } from '../engine';
import type { Checked } from './results';
import type { Say } from './say';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<ReportDiagnostic['severity'], Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A shown path as a URI reference: relative (to %SRCROOT%) with each segment percent-encoded, or a file URI. */
function location(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function sarifLog(checked: Checked, options: { say: Say; version: string; cwd: string }): object {
  const { say } = options;
  const codes = [...RULES.keys()];
  const index = new Map<string, number>(codes.map((c, i) => [c, i]));
  const rules = codes.map((code: RuleCode) => {
    const d = RULE_DESCRIPTIONS[code];
    return {
      id: code,
      shortDescription: { text: say(d.zh, d.en) },
      defaultConfiguration: { level: LEVEL[RULES.get(code)!.severity] },
      properties: { 'zh-cn': d.zh, en: d.en },
    };
  });
  const results: object[] = [];
  const add = (path: string, d: ReportDiagnostic) =>
    results.push({
      ruleId: d.code,
      ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location(path),
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    });
  for (const p of checked.projects) for (const d of p.diagnostics) add(p.path, d);
  for (const f of checked.files) for (const d of f.diagnostics) add(f.path, d);
  const base = pathToFileURL(options.cwd).href;
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fengong', version: options.version, semanticVersion: options.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: base.endsWith('/') ? base : base + '/' } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: checked.unreadable.length === 0,
            toolExecutionNotifications: checked.unreadable.map((reason) => ({ level: 'error', message: { text: reason } })),
          },
        ],
        results,
      },
    ],
  };
}
