// The server's Word requests (server/src/lsp/word.ts) against a stand-in connection: the
// handlers as the client calls them, base64 in and out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { registerWordRequests } from '../../server/src/lsp/word';
import { nodeFileHost } from '../../server/src/node/host';
import { ExportDocxRequest, ImportDocxRequest, type ExportDocxResult, type ImportDocxResult } from '../../server/src/protocol';
import { SAMPLE } from '../helpers';
import { NUMBERED_PLAN_TEXT, numberedPlan } from './fixtures/build';
import { paragraphStarting, readDocx } from './fixtures/read';

type Handler = (params: unknown) => Promise<unknown>;

function server(open: Record<string, string>) {
  const handlers = new Map<string, Handler>();
  const errors: string[] = [];
  const connection = {
    onRequest: (type: { method: string }, handler: Handler) => handlers.set(type.method, handler),
    console: { error: (s: string) => errors.push(s) },
  };
  registerWordRequests(connection as never, (uri) => open[uri], nodeFileHost());
  const call = (type: { method: string }, params: unknown) => handlers.get(type.method)!(params);
  return { handlers, errors, call };
}

describe('ImportDocxRequest', () => {
  it('answers {text, warnings} for a .docx sent as base64', async () => {
    const s = server({});
    const result = (await s.call(ImportDocxRequest, { base64: Buffer.from(numberedPlan()).toString('base64') })) as ImportDocxResult;
    expect(result.text).toBe(NUMBERED_PLAN_TEXT + '\n');
    expect(result.warnings).toContain('1 条批注未导入 (1 comments not carried over)');
  });

  it('answers InvalidParams with the reason for a file that is no .docx', async () => {
    const s = server({});
    const result = await s.call(ImportDocxRequest, { base64: Buffer.from('一、推进改革').toString('base64') });
    expect(result).toBeInstanceOf(ResponseError);
    expect((result as ResponseError<unknown>).code).toBe(ErrorCodes.InvalidParams);
    expect((result as ResponseError<unknown>).message).toContain('不是 Word 文档');
    expect(s.errors).toEqual([]);
  });
});

describe('ExportDocxRequest', () => {
  it('exports an open document as it stands, with the table when asked', async () => {
    const uri = 'untitled:Untitled-1';
    const s = server({ [uri]: SAMPLE });
    const result = (await s.call(ExportDocxRequest, { uri, withTable: true })) as ExportDocxResult;
    const d = readDocx(Buffer.from(result.base64, 'base64'));
    expect(paragraphStarting(d, '《内蒙古满洲里')).toBeDefined();
    expect(d.body.kids.some((k) => typeof k !== 'string' && k.name === 'w:tbl')).toBe(true);
    expect(result.warnings).toEqual([expect.stringContaining('略去 3 行网页杂项')]);
  });

  it('reads a plan that is not open from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-lsp-word-'));
    const path = join(dir, 'a.plan.txt');
    writeFileSync(path, '《测试规划》重点工作分工方案\n一、推进改革\n(一)创新体制。(自治区商务厅牵头)\n');
    const s = server({});
    const result = (await s.call(ExportDocxRequest, { uri: URI.file(path).toString(), withTable: false })) as ExportDocxResult;
    const d = readDocx(Buffer.from(result.base64, 'base64'));
    expect(paragraphStarting(d, '（一）创新体制。')).toBeDefined();
  });

  it('answers InvalidParams for a document it cannot read', async () => {
    const s = server({});
    const result = await s.call(ExportDocxRequest, { uri: URI.file('/nonexistent/x.plan.txt').toString() });
    expect(result).toBeInstanceOf(ResponseError);
    expect((result as ResponseError<unknown>).code).toBe(ErrorCodes.InvalidParams);
  });
});
