// Traditional characters read as their simplified forms (OpenCC's character table, Apache-2.0, via
// opencc-js): plans reposted through a big5 gateway write 牽頭單位 for 牵头单位. Only one-for-one
// replacements of the same UTF-16 length are used, so offsets into the shadow are offsets into
// the text.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

let table: { map: Map<number, string>; any: RegExp } | undefined;

function tableOf(): { map: Map<number, string>; any: RegExp } {
  if (table) return table;
  const map = new Map<number, string>();
  for (const pair of TS_CHARACTERS.split('|')) {
    const [trad, simp] = pair.split(' ');
    if (trad && simp && trad.length === 1 && simp.length === 1 && trad !== simp) map.set(trad.charCodeAt(0), simp);
  }
  // One character class of every key: a native scan finds whether a line needs replacing at all.
  const any = new RegExp(`[${[...map.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
  return (table = { map, any });
}

/** `text` with every traditional character replaced by its simplified form, same length. */
export function simplified(text: string): string {
  const { map, any } = tableOf();
  if (!any.test(text)) return text;
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const s = map.get(text.charCodeAt(i));
    if (s === undefined) continue;
    if (!out) out = text.split('');
    out[i] = s;
  }
  return out ? out.join('') : text;
}
