// Requests the editor cancelled ($/cancelRequest): vscode-languageserver marks the request's
// token, nothing more; a handler that never looks runs to the end. Handlers look before each
// expensive stage (an analysis, the next document) and answer with the RequestCancelled error,
// and long loops let other messages in from time to time, so that the cancellation is heard.
import type { CancellationToken } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from './protocolValues';

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消 (request cancelled)');
}

export function isCancelledError(e: unknown): boolean {
  return e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled;
}

/** A request's token, when `value` is one (a notification handler has none). */
export function tokenOf(value: unknown): CancellationToken | undefined {
  return value && typeof (value as CancellationToken).isCancellationRequested === 'boolean' ? (value as CancellationToken) : undefined;
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelledError();
}

/** One macrotask's pause: messages that arrived meanwhile (a cancellation, a keystroke) are read. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For a loop over many documents: `next()` pauses once `sliceMs` of work has run since the last
 * pause (so short loops cost nothing), then throws when the request was cancelled.
 */
export class Slices {
  private last = performance.now();
  constructor(
    private readonly token?: CancellationToken,
    private readonly sliceMs = 10,
  ) {}

  async next(): Promise<void> {
    if (performance.now() - this.last >= this.sliceMs) {
      await yieldToEventLoop();
      this.last = performance.now();
    }
    throwIfCancelled(this.token);
  }
}
