// Word in, Word out for the editor: ImportDocxRequest and ExportDocxRequest (protocol.ts), which
// the client's commands send (client/src/word.ts).
// The Word libraries load on the first request only (server/src/word/lib.ts), never at start-up.
// A file that is no .docx, or one past the import's size limits, answers InvalidParams with a
// message for the user; anything else is logged and answered InternalError. The server's Node
// program imports in a worker (word/importInWorker.ts), so a document that exhausts it fails alone.
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from './protocolValues';
import { analyze } from '../engine';
import type { FileHost } from '../host/fileHost';
import { exportDocx } from '../word/docxExport';
import { importDocx, NotDocxError, type DocxImportResult } from '../word/docxImport';
import { ExportDocxRequest, ImportDocxRequest, type ExportDocxResult, type ImportDocxResult } from '../protocol';
import { fsPathOf } from './convert';

type Requests = Pick<Connection, 'onRequest' | 'console'>;

/**
 * Registers the two requests. `getText` gives an open document's current text; a plan that is
 * not open is read through the file host, only when `mayRead` says it is inside the workspace;
 * `importer` turns a .docx into plan text.
 */
export function registerWordRequests(
  connection: Requests,
  getText: (uri: string) => string | undefined,
  host: FileHost,
  importer: (bytes: Uint8Array) => Promise<DocxImportResult> = importDocx,
  mayRead: (path: string) => Promise<boolean> = async () => true,
): void {
  const failed = (name: string, e: unknown) => {
    if (e instanceof NotDocxError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
    connection.console.error(`fengong: ${name} failed: ${(e as Error).stack ?? e}`);
    return new ResponseError(ErrorCodes.InternalError, `${name}: ${(e as Error).message ?? e}`);
  };

  connection.onRequest(ImportDocxRequest, async (params): Promise<ImportDocxResult | ResponseError> => {
    try {
      return await importer(Buffer.from(params?.base64 ?? '', 'base64'));
    } catch (e) {
      return failed('importDocx', e);
    }
  });

  connection.onRequest(ExportDocxRequest, async (params): Promise<ExportDocxResult | ResponseError> => {
    try {
      let text = getText(params.uri);
      if (text === undefined) {
        const path = fsPathOf(params.uri);
        const inside = path !== undefined && (await mayRead(path));
        const read = inside ? await host.readText(path) : { error: `不在工作区中，不读取 (outside the workspace, not read): ${params.uri}` };
        if (read.text === undefined) return new ResponseError(ErrorCodes.InvalidParams, read.error ?? params.uri);
        text = read.text;
      }
      const result = await exportDocx(analyze(text).model, { withTable: !!params.withTable });
      return { base64: Buffer.from(result.bytes).toString('base64'), warnings: result.warnings };
    } catch (e) {
      return failed('exportDocx', e);
    }
  });
}
