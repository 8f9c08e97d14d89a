// The inside of the import worker (dist/importWorker.js, started by importInWorker.ts): the
// .docx arrives as workerData, the plan text or the reason it was refused goes back as one message.
import { parentPort, workerData } from 'node:worker_threads';
import { DocxTooLargeError, importDocx, NotDocxError } from './docxImport';
import type { WorkerReply } from './importInWorker';

importDocx(workerData as Uint8Array).then(
  (result) => parentPort!.postMessage({ result } satisfies WorkerReply),
  (e: unknown) =>
    parentPort!.postMessage({
      refused: e instanceof DocxTooLargeError ? 'too-large' : e instanceof NotDocxError ? 'not-docx' : undefined,
      message: (e as Error)?.message ?? String(e),
    } satisfies WorkerReply),
);
