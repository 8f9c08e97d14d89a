// Traditional characters read as their simplified forms (OpenCC's character table, Apache-2.0, via
// opencc-js): plans reposted through a big5 gateway write 牽頭單位 for 牵头单位. Only one-for-one
// replacements of the same UTF-16 length are used, so offsets into the shadow are offsets into
// the text.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

// A flag per UTF-16 code unit and the replacement for those flagged: built once, then a line
// is one pass over its characters (a character class of some 2,700 keys costs more to compile).
let table: { flags: Uint8Array; map: Map<number, string> } | undefined;

function tableOf(): { flags: Uint8Array; map: Map<number, string> } {
  if (table) return table;
  const flags = new Uint8Array(65536);
  const map = new Map<number, string>();
  for (const pair of TS_CHARACTERS.split('|')) {
    // "trad simp [more]": the first simplified form
    const [trad, simp] = pair.split(' ');
    if (trad && simp && trad.length === 1 && simp.length === 1 && trad !== simp) {
      flags[trad.charCodeAt(0)] = 1;
      map.set(trad.charCodeAt(0), simp);
    }
  }
  return (table = { flags, map });
}

/** `text` with every traditional character replaced by its simplified form, same length. */
export function simplified(text: string): string {
  const { flags, map } = tableOf();
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!flags[c]) continue;
    if (!out) out = text.split('');
    out[i] = map.get(c)!;
  }
  return out ? out.join('') : text;
}
