// What a name in a clause is: an agency (with or without its level prefix), a collective,
// an official or a deadline. Pure string tests, no registry.

// Level prefixes written once and carried over a comma group (自治区外事办、交通运输厅).
const KNOWN_PREFIXES = [
  '中共中央', '国务院', '国家', '中央', '全国',
  '内蒙古自治区', '自治区', '内蒙古',
  '省', '市', '县', '区', '盟', '旗', '州',
];
// A single-character level prefix only counts when the next characters are not a word of their own.
const NOT_PREFIX_AFTER = /^(市场|区域|县域|省级|市级|县级|区级|州级|旗级|市政|区划|县区|市县|盟市|旗县|省市)/;
// 呼伦贝尔市, 扎赉诺尔区, 广东省: a place name ending in a level word.
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|省|市|盟|州|县|旗|区)(?=[\u4e00-\u9fff]{2})/;

/** The level prefix a name starts with (`自治区`, `内蒙古`, `呼伦贝尔市`), or ''. */
export function levelPrefix(name: string): string {
  const place = PLACE_PREFIX.exec(name);
  if (place) return place[0];
  for (const p of KNOWN_PREFIXES) {
    if (name.length > p.length + 1 && name.startsWith(p)) {
      if (p.length === 1 && NOT_PREFIX_AFTER.test(name)) continue;
      return p;
    }
  }
  return '';
}

// Names that stand on their own even without a level prefix: national bodies and their branches.
const STANDS_ALONE = /^(人民银行|中国|中华人民共和国|国家|国务院|中央|全国|中共)|(海关|中心支行|分行)$/;

export function standsAlone(name: string): boolean {
  return STANDS_ALONE.test(name) || levelPrefix(name) !== '';
}

// 各盟市人民政府, 相关盟市, 国务院各部门, 各地、各部门, 有关单位: real parties, never unknown.
const COLLECTIVE = /^(各|相关|有关|其他|其它|所属|沿边|全区各|全省各|全市各)|各(地|部门|单位|级|有关|相关|盟市|市|县|区|旗|街道|乡镇|地区)|(有关|相关)(部门|单位|方面)$/;

export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name);
}

// 分管副省长, 李明同志, 自治区副主席: people, not agencies.
const OFFICIAL = /(省长|市长|县长|区长|盟长|旗长|主席|书记|秘书长|厅长|局长|主任|同志|领导|负责人|委员)$|^分管/;

export function isOfficial(name: string): boolean {
  return OFFICIAL.test(name);
}

// 年内持续推进, 2025年底前完成, 长期坚持: deadlines, not agencies.
const DEADLINE = /\d{2,4}\s*年|年底|年内|年前|月底|季度|持续|长期|逐步|前完成|底前|每年|适时|立即/;

export function isDeadline(text: string): boolean {
  return DEADLINE.test(text);
}

// Tails before the role word: 等, 等部门, 等有关部门, 等单位.
const TAIL = /等(有关|相关)?(部门|单位|机构|方面)?$|等$/;

export function stripTail(name: string): string {
  return name.replace(TAIL, '');
}

/** How to write `name` where `prefix` already carries: 交通运输厅 for 自治区交通运输厅 after 自治区…、. */
export function writtenFormIn(prefix: string, name: string): string {
  return prefix && name.startsWith(prefix) && name.length > prefix.length + 1 ? name.slice(prefix.length) : name;
}
