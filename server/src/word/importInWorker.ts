// Word import where a failure cannot take the language server down: importDocx runs in a worker
// thread (importWorker.ts, bundled as dist/importWorker.js) with its own capped heap and a
// timer. A document that needs more memory or time than a plan can kills the worker, and the
// request is answered with the reason; the server's heap and event loop are not touched.
import { Worker } from 'node:worker_threads';
import { DocxTooLargeError, NotDocxError, type DocxImportResult } from './docxImport';

export interface WorkerLimits {
  /** The worker's old-generation heap (package.ts's LIMITS: 32 MiB of XML parses in about 480 MiB). */
  heapMb: number;
  /** A 100-page plan imports in a second or two. */
  timeoutMs: number;
}

export const WORKER_LIMITS: WorkerLimits = { heapMb: 512, timeoutMs: 30_000 };

export type WorkerReply = { result: DocxImportResult } | { refused?: 'too-large' | 'not-docx'; message: string };

/** `script` is dist/importWorker.js; the bytes are copied to the worker. */
export function importDocxInWorker(script: string, bytes: Uint8Array, limits: WorkerLimits = WORKER_LIMITS): Promise<DocxImportResult> {
  return new Promise((resolve, reject) => {
    // stdout and stderr piped (and left unread): the server's stdout is the protocol stream.
    const worker = new Worker(script, { workerData: bytes, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb }, stdout: true, stderr: true });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done();
    };
    const seconds = Math.round(limits.timeoutMs / 1000);
    const timer = setTimeout(
      () => settle(() => reject(new DocxTooLargeError(`导入超过 ${seconds} 秒，已停止 (the import took longer than ${seconds} s: stopped)`))),
      limits.timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      settle(() => {
        if ('result' in reply) resolve(reply.result);
        else if (reply.refused === 'too-large') reject(new DocxTooLargeError(reply.message));
        else if (reply.refused === 'not-docx') reject(new NotDocxError(reply.message));
        else reject(new Error(reply.message));
      }),
    );
    worker.on('error', (e: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DocxTooLargeError(`导入所需内存超过 ${limits.heapMb} MiB，未导入 (importing needs more than ${limits.heapMb} MiB of memory: not imported)`)
            : e,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`import worker exited (${code})`))));
  });
}
