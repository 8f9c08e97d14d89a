// A tiny test collector for the end-to-end suite: no mocha, no globals. Each test runs with
// its own timeout; results are logged as `✓ name` / `✗ name: error`, then a summary line
// `N passed, N failed` that scripts/e2e/run.mjs looks for.

export type TestFn = () => Promise<void> | void;

interface TestCase {
  name: string;
  fn: TestFn;
  timeoutMs: number;
}

export const DEFAULT_TEST_TIMEOUT_MS = 20_000;

export class Suite {
  private readonly tests: TestCase[] = [];

  constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}

  test(name: string, fn: TestFn, timeoutMs = DEFAULT_TEST_TIMEOUT_MS): void {
    this.tests.push({ name, fn, timeoutMs });
  }

  /** A test that cannot run: it is reported as a failure with the reason, never skipped quietly. */
  cannotRun(name: string, reason: string): void {
    this.test(name, () => {
      throw new TestFailure(`cannot run: ${reason}`);
    });
  }

  get size(): number {
    return this.tests.length;
  }

  /** Runs every test in order; resolves with the counts (it does not throw). */
  async run(): Promise<{ passed: number; failed: number; failures: string[] }> {
    let passed = 0;
    const failures: string[] = [];
    for (const t of this.tests) {
      const started = Date.now();
      try {
        await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, `timed out after ${t.timeoutMs} ms`);
        passed++;
        this.log(`✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failures.push(t.name);
        this.log(`✗ ${t.name}: ${describeError(err)}`);
      }
    }
    this.log(`${passed} passed, ${failures.length} failed`);
    return { passed, failed: failures.length, failures };
  }
}

/** A failed expectation: reported by its message alone (the stack is the harness's). */
export class TestFailure extends Error {
  override name = 'TestFailure';
}

export function describeError(err: unknown): string {
  if (err instanceof TestFailure) return err.message;
  if (err instanceof Error) {
    const stack = err.stack?.split('\n').slice(1, 3).map((l) => l.trim()).join(' | ');
    return stack ? `${err.message} [${stack}]` : err.message;
  }
  return String(err);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TestFailure(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Polls `fn` until it returns a truthy value (which is returned) or `timeoutMs` passes.
 * Exceptions from `fn` count as "not yet"; the last one is reported on timeout.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
  intervalMs = 200,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      last = await fn();
      lastError = undefined;
      if (last) return last as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `last error: ${describeError(lastError)}` : `last value: ${preview(last)}`;
      throw new TestFailure(`waited ${timeoutMs} ms for ${what}; ${detail}`);
    }
    await sleep(intervalMs);
  }
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new TestFailure(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new TestFailure(`${what}: expected ${preview(expected)}, got ${preview(actual)}`);
}

export function preview(value: unknown, max = 300): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
