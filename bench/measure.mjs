// Timing helpers: warm up, then take repeated samples and report the median.
// Nothing here asserts anything: the bench only reports.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

const now = () => performance.now();

/** A handle on V8's gc() without restarting Node with --expose-gc. */
let gcFn;
export function collectGarbage() {
  if (gcFn === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gcFn = vm.runInNewContext('gc');
    } catch {
      gcFn = null;
    }
  }
  if (gcFn) gcFn();
}

/** Somewhere to put results so the JIT cannot drop the work that made them. */
export let sink = 0;
export function consume(x) {
  sink = (sink + (typeof x === 'number' ? x : x ? 1 : 0)) | 0;
}

export function summarize(samples, batch = 1) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length, batch };
}

/**
 * Times a synchronous operation (ms per call). Fast operations are run in batches of at least
 * `minBatchMs`, so the timer's own cost does not count; each sample is one batch's mean.
 */
export function measureSync(fn, opts = {}) {
  const { budgetMs = 800, warmupMs = 150, minSamples = 5, maxSamples = 40, minBatchMs = 1 } = opts;
  const w0 = now();
  let warm = 0;
  do {
    fn();
    warm++;
  } while (now() - w0 < warmupMs || warm < 2);
  const single = (now() - w0) / warm;
  const batch = Math.max(1, Math.ceil(minBatchMs / Math.max(single, 1e-6)));
  const need = single > 1000 ? 3 : minSamples;
  const samples = [];
  const start = now();
  while (samples.length < maxSamples && (samples.length < need || now() - start < budgetMs)) {
    const t = now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((now() - t) / batch);
  }
  return summarize(samples, batch);
}

/** Times an asynchronous operation (ms per call), one call per sample. */
export async function measureAsync(fn, opts = {}) {
  const { budgetMs = 800, warmupMs = 150, minSamples = 5, maxSamples = 40, warmupRuns = 2 } = opts;
  const w0 = now();
  let warm = 0;
  do {
    await fn();
    warm++;
  } while (now() - w0 < warmupMs || warm < warmupRuns);
  const single = (now() - w0) / warm;
  const need = single > 1000 ? 3 : minSamples;
  const samples = [];
  const start = now();
  while (samples.length < maxSamples && (samples.length < need || now() - start < budgetMs)) {
    const t = now();
    await fn();
    samples.push(now() - t);
  }
  return summarize(samples);
}

/** Median of values measured elsewhere (spawn times, memory). */
export function medianOf(values) {
  return summarize(values);
}
