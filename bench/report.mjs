// Renders the bench's figures as plain-text tables (the JSON form is the same object, printed whole).

/** Terminal width of a string: CJK and full-width forms take two columns. */
export function width(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

const padEnd = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s, n) => ' '.repeat(Math.max(0, n - width(s))) + s;

export function ms(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return '—';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  if (v >= 0.1) return v.toFixed(3);
  return v.toPrecision(2);
}

export function ratio(v) {
  if (v === undefined || v === null || !Number.isFinite(v)) return '—';
  if (v >= 100) return `${v.toFixed(0)}x`;
  if (v >= 10) return `${v.toFixed(1)}x`;
  if (v >= 0.1) return `${v.toFixed(2)}x`;
  return `${v.toPrecision(2)}x`;
}

export function mib(v) {
  return v === undefined || v === null ? '—' : `${v.toFixed(1)} MiB`;
}

export const mark = (ok) => (ok === undefined ? '' : ok ? '✓' : '✗');

/**
 * headers: what, the figure columns, target, ✓/✗.
 * rows: { section } | { what, cells: string[], target?, ok? } | { what, text } (a note across the figure columns).
 */
export function table(headers, rows) {
  const cols = headers.length;
  const figures = cols - 3;
  const asCols = (r) => [r.what, ...Array.from({ length: figures }, (_, i) => r.cells[i] ?? ''), r.target ?? '', mark(r.ok)];
  const data = rows.filter((r) => r.cells).map(asCols);
  const widths = headers.map((h, i) => Math.max(width(h), ...data.map((c) => width(c[i]))));
  const line = (c) =>
    c
      .map((v, i) => (i >= 1 && i <= figures ? padStart(v, widths[i]) : padEnd(v, widths[i])))
      .join(' | ')
      .trimEnd();
  const out = [line(headers), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const r of rows) {
    if (r.section) out.push(r.section);
    else if (r.cells) out.push(line(asCols(r)));
    else out.push(`${padEnd(r.what, widths[0])} | ${r.text}`);
  }
  return out.join('\n');
}
