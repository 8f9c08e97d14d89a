// Writes one assertion line for a grammar test, so nobody counts CJK columns by hand:
//   node tests/grammar/caret.mjs '<source line>' '<text to assert>' '<scopes>' [occurrence]
// e.g. node tests/grammar/caret.mjs '(自治区商务厅牵头)' '牵头' 'keyword.other.role.lead.fengong'
// vscode-tmgrammar-test counts UTF-16 code units (one CJK character = one column). The padding
// puts a full-width space under each wide character so the carets also line up in an editor;
// the first two columns are taken by `//`, so targets there use `<~-` (offset = number of ~).
const [src, needle, scopes, occurrence = '0'] = process.argv.slice(2);
if (!src || !needle || !scopes) {
  console.error("usage: node tests/grammar/caret.mjs '<source line>' '<text>' '<scopes>' [occurrence]");
  process.exit(2);
}
let start = -1;
for (let k = 0; k <= Number(occurrence); k++) {
  start = src.indexOf(needle, start + 1);
  if (start < 0) {
    console.error(`not found: ${needle}`);
    process.exit(1);
  }
}
const wide = (ch) => {
  const c = ch.codePointAt(0);
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6);
};
if (start < 2) {
  console.log(`// <${'~'.repeat(start)}${'-'.repeat(needle.length)} ${scopes}`);
} else {
  const pads = [...src.slice(2, start)].map((ch) => (wide(ch) ? '\u3000' : ' '));
  // `//` is two columns wide; if the first two characters are wider, widen the padding.
  let extra = [...src.slice(0, 2)].filter(wide).length;
  for (let j = pads.length - 1; j >= 0 && extra > 0; j--) if (pads[j] === ' ') { pads[j] = '\u3000'; extra--; }
  console.log(`//${pads.join('')}${'^'.repeat(needle.length)} ${scopes}`);
}
