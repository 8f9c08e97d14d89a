// Breaking a title over lines as GB/T 9704-2012 §7.3.3 asks (标题回行时，要做到词意完整，排列对称):
// between words, never inside a name or a 《》 title where a line can hold it, the lines as even
// as the words allow. Word and LibreOffice break a centred title wherever the line is full
// (`《…建设总` / `体规划》…`); the export writes these breaks itself.
// Without a dictionary, words are told by what titles are made of: 《》 titles, 关于 and 印发,
// the issuer's name before 关于, place and body names (…自治区, …试验区, …人民政府) and the
// words plans end in (重点工作, 分工方案, 实施意见).

/** Half-width characters take half a 2号 character's width. */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

// Words a line may start with, and words it may end with, by how good a break they make.
const STARTS: [RegExp, number][] = [
  [/^《/, 5],
  [/^“/, 3],
  [/^关于/, 5],
  [/^(重点工作|重点任务|工作任务|任务分工|责任分工|分工方案|实施方案|工作方案|实施意见|行动方案|行动计划|工作要点|若干措施|若干意见|任务分工表)/, 4],
  [/^(的通知|的意见|的函|的批复)/, 2],
  [/^(加快|推进|进一步|深化|全面|加强|建设|发展|改革|规划|促进|支持|实施|做好|开展)/, 2],
];
const ENDS: [RegExp, number][] = [
  [/》$/, 5],
  [/”$/, 3],
  [/[、，：；）]$/, 4],
  [/(印发|转发|批转|关于)$/, 4],
  [/(19|20)\d{2}年$|年度$/, 3],
  [/(自治区|省|市|县|区|旗|试验区|开发区|新区|园区)$/, 2],
  [/(人民政府|政府|办公厅|办公室|委员会|党委)$/, 3],
];
// Where a line must not end: inside a body's name (内蒙古自治区|人民政府), before its closing mark.
const NO_BREAK_BEFORE = /^(人民|政府|办公厅|办公室|委员会|党委|管委会|管理委员会|[部厅局委办署处]|[》）」”、，。；：])/;
const NO_BREAK_AFTER = /[《（「“]$/;

/** How good a break before `rest` (after `head`) is; -Infinity where none may be. */
function breakScore(head: string, rest: string): number {
  if (!head || !rest) return -Infinity;
  if (NO_BREAK_AFTER.test(head) || NO_BREAK_BEFORE.test(rest)) return -Infinity;
  // Never inside a Latin word or a number.
  if (/[A-Za-z0-9]$/.test(head) && /^[A-Za-z0-9]/.test(rest)) return -Infinity;
  let score = 0;
  for (const [re, s] of STARTS) if (re.test(rest)) score = Math.max(score, s);
  for (const [re, s] of ENDS) if (re.test(head)) score = Math.max(score, s);
  // Inside a 《》 title: only where the title is longer than a line (the caller then has no other way).
  const opens = (head.match(/《/g) ?? []).length;
  const closes = (head.match(/》/g) ?? []).length;
  if (opens > closes) score -= 6;
  return score;
}

/**
 * The title as lines of at most `perLine` characters (a 2号 line of the 156 mm text block holds 20,
 * of the landscape block 29). One line when it fits.
 */
export function titleLines(title: string, perLine: number): string[] {
  const chars = [...title.trim()];
  const total = widthOf(title.trim());
  if (total <= perLine || chars.length < 2) return [title.trim()];
  const count = Math.ceil(total / perLine);
  // best[k][i]: the best score breaking chars[0..i) into k lines, each within perLine.
  const n = chars.length;
  const prefix = [0];
  for (const ch of chars) prefix.push(prefix[prefix.length - 1] + widthOf(ch));
  const ideal = total / count;
  let lines = count;
  for (; lines <= count + 2; lines++) {
    const best: number[][] = Array.from({ length: lines + 1 }, () => new Array(n + 1).fill(-Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => new Array(n + 1).fill(-1));
    best[0][0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let i = 1; i <= n; i++) {
        for (let j = i - 1; j >= 0 && prefix[i] - prefix[j] <= perLine; j--) {
          if (best[k - 1][j] === -Infinity) continue;
          const s = i === n ? 0 : breakScore(chars.slice(0, i).join(''), chars.slice(i).join(''));
          if (s === -Infinity) continue;
          // Words first, then even lines (the last may be shorter).
          const w = prefix[i] - prefix[j];
          const uneven = i === n ? Math.max(0, w - ideal) : Math.abs(w - ideal);
          const total = best[k - 1][j] + s * 10 - uneven;
          if (total > best[k][i]) {
            best[k][i] = total;
            from[k][i] = j;
          }
        }
      }
    }
    if (best[lines][n] > -Infinity) {
      const out: string[] = [];
      for (let k = lines, i = n; k > 0; k--) {
        const j = from[k][i];
        out.unshift(chars.slice(j, i).join(''));
        i = j;
      }
      return out;
    }
  }
  // No break fits anywhere (a title of one unbroken Latin word): lines of perLine characters.
  const out: string[] = [];
  for (let i = 0; i < n; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  return out;
}
