// Chinese numerals as used in heading numbers: 一 … 十 … 二十九 … 九十九, 一百 and beyond.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };


/** 二十九 → 29, 十一 → 11, 一百零五 → 105; undefined when the text is no numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else {
      return undefined;
    }
  }
  if (digit > 0) total += digit;
  return total;
}

const DIGIT_TEXT = '零一二三四五六七八九';

/** 29 → 二十九, 10 → 十, 105 → 一百零五 (the forms drafters write). */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return DIGIT_TEXT[n];
  if (n < 20) return '十' + (n % 10 ? DIGIT_TEXT[n % 10] : '');
  if (n < 100) return DIGIT_TEXT[Math.floor(n / 10)] + '十' + (n % 10 ? DIGIT_TEXT[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const head = DIGIT_TEXT[Math.floor(n / 100)] + '百';
    if (rest === 0) return head;
    if (rest < 10) return head + '零' + DIGIT_TEXT[rest];
    // 110 is 一百一十, not 一百十
    return head + (rest < 20 ? '一' + formatChineseNumeral(rest) : formatChineseNumeral(rest));
  }
  return String(n);
}
