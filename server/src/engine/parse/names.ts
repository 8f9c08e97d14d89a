// What a piece of a clause is: an agency (with or without its level prefix), a collective, an
// official, a deadline, or a note that names nobody. String tests and the place names, no registry.
import { placeShortAt } from '../registry/places';

// Level prefixes a document writes once and carries over a list (自治区外事办、交通运输厅). Longest
// first. National words (国家, 国务院, 中央, 全国) are part of a body's own name, never carried.
const LEVEL_PREFIXES = [
  '内蒙古自治区', '自治区', '内蒙古',
  '省委', '市委', '县委', '区委', '州委', '盟委', '旗委',
  '省政府', '市政府', '县政府', '区政府', '州政府', '盟行署',
  '省', '市', '县', '区', '盟', '旗', '州', '镇', '乡',
];
const NATIONAL_PREFIXES = ['中共中央', '国务院', '国家', '中央', '全国'];
// A one-character level word only counts when the next characters are not a word of their own.
// A one-character level word is no prefix where it makes a word with the next character (市场,
// 区域, 省级, 市县), unless a word of a name starts right after it (省市场监管局, 县区域办).
const NOT_PREFIX_AFTER = /^.(场|域|级|政|划|区|县|市|镇|直|属|委|长|情|村)/;
const NAME_AFTER = /^.(市场|区域|县域|市政|区划)/;
// 呼伦贝尔市, 广东省, 武汉市: a place name ending in a level word, before a name of two characters or more.
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|省|市|盟|州|县|旗|区)(?=[\u4e00-\u9fff]{2})/;
// Bodies a party-committee prefix (市委) carries onto; other names take the level word alone (市).
const PARTY_BODY = /^(组织部|宣传部|统战部|政法委|编办|网信办|改革办|深改办|财经办|外办|农办|办公室|办公厅|政研室|政策研究室|党校|老干部局|机关工委|军民融合办|社会工作部|金融办|金融委员会办公室|巡视办|巡察办|督查室|保密办|机要局|台办|信访局|610办|维稳办|依法治省办|依法治市办|依法治县办|依法治区办|人才办|党史研究室|党建办|两新工委|教育工委|国安办|平安办|科技办)/;
// Bodies a government prefix (市政府) carries onto.
const GOVERNMENT_BODY = /^(办公厅|办公室|研究室|参事室|发展研究中心|督查室|外事办|金融办|法制办|侨办|新闻办|应急办|政务服务中心)/;

/** The level prefix a name starts with (`自治区`, `内蒙古`, `呼伦贝尔市`, `市委`), or ''. */
export function levelPrefix(name: string): string {
  const place = PLACE_PREFIX.exec(name);
  if (place && !NATIONAL_PREFIXES.some((p) => place[0].startsWith(p))) return place[0];
  for (const p of LEVEL_PREFIXES) {
    if (name.length > p.length + 1 && name.startsWith(p)) {
      if (p.length === 1 && NOT_PREFIX_AFTER.test(name) && !NAME_AFTER.test(name)) continue;
      return p;
    }
  }
  // 无锡国税局: a city's or a province's short name.
  return placeShortAt(name);
}

/** The prefix `name` takes when it follows a name with `prefix` in a list: 市委 carries only onto party bodies. */
export function carriedOnto(prefix: string, name: string): string {
  const party = /^(省|市|县|区|州|盟|旗)委$/.exec(prefix);
  if (party) return PARTY_BODY.test(name) ? prefix : party[1];
  const government = /^(省|市|县|区|州)政府$/.exec(prefix);
  if (government) return GOVERNMENT_BODY.test(name) ? prefix : government[1];
  return prefix;
}

// Names that stand on their own even without a level prefix: national bodies and their branches.
const STANDS_ALONE = /^(人民银行|人行|中国|中华人民共和国|国家|国务院|中央|全国|中共|共青团|国网|国铁)|(海关|中心支行|分行|支行)$/;
// A level of its own inside the name: 团市委, 团省委.
const OWN_LEVEL = /^[\u4e00-\u9fff]{1,2}(省委|市委|县委|区委|州委|旗委|盟委)/;
// A place of its own: 越秀区, 满洲里市, 邹区镇, 各街道.
const PLACE = /^[\u4e00-\u9fff]{2,7}(区|县|市|镇|乡|旗|街道|州|盟)$/;
// The body of a place within the level: 园区党工委, 经开区管委会, 各街道党工委.
const PLACE_BODY = /^[\u4e00-\u9fff]{0,6}(园区|开发区|新区|高新区|经开区|示范区|街道|社区|工业园|产业园)/;

export function standsAlone(name: string): boolean {
  return STANDS_ALONE.test(name) || levelPrefix(name) !== '' || OWN_LEVEL.test(name) || PLACE.test(name) || PLACE_BODY.test(name);
}

/** Whether a name lacking its own level takes the prefix carried over its list. */
export function takesPrefix(name: string): boolean {
  return !standsAlone(name) && !isCollective(name);
}

// 各盟市人民政府, 相关盟市, 国务院各部门, 各地、各部门, 有关单位, 市直各部门: real parties, never unknown.
const COLLECTIVE = /^(各|相关|有关|其他|其它|所属|沿边|全区各|全省各|全市各|全县各|试点)|各(地|部门|单位|级|有关|相关|盟市|市|县|区|旗|街道|乡镇|镇|地区|专班|成员单位|直属)|(有关|相关)(部门|单位|方面|地区|企业)$|成员单位$|(省|市|县|区)直(各)?(有关)?(部门|单位)$/;

export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name);
}

// 分管副省长, 李明同志, 自治区副主席: people, not agencies.
const OFFICIAL = /(省长|市长|县长|区长|盟长|旗长|州长|镇长|乡长|主席|书记|秘书长|厅长|局长|主任|同志|领导|负责人|委员|部长)$|^分管/;

export function isOfficial(name: string): boolean {
  return OFFICIAL.test(name);
}

// 年内持续推进, 2025年底前完成, 长期坚持, 12月底前: deadlines, not agencies.
const DEADLINE = /\d{2,4}\s*年|\d{1,2}\s*月(底|份|末|中旬|上旬|下旬|前|\d)|年底|年内|年前|月底|季度|持续|长期|逐步|前完成|底前|每年|适时|立即|常态化|按期|按时完成|定期|全年|动工$|投入使用$/;

export function isDeadline(text: string): boolean {
  return DEADLINE.test(text);
}

// Tails before the role word: 等, 等部门, 等有关部门, 等单位, 等有关部门和单位.
const TAIL = /等(有关|相关|其他)?(部门|单位|机构|方面|部门和单位|单位和部门|部门单位)?$/;

export function stripTail(name: string): string {
  return name.replace(TAIL, '');
}

// Agency-like endings: what a body's name ends in (a bracketed second name after it is allowed).
const AGENCY_END = /(厅|局|委|办|部|会|院|署|行|关|队|司|室|中心|政府|集团|公司|站|所|社|团|联|协|馆|台|校|处|科|股|组|班|园|区|县|市|镇|乡|街道|村|居|港|场|厂|盟|旗|州|基地|单位|部门|机构|企业|委员会|办公室|指挥部|管委会|工委|党委|党组|总队|支队|大队|分局|银行|法院|检察院|大学|学院|医院|协会|商会|学会|研究会|专班|电视台|报社|集团公司|有限公司|医保局|小组|各地|处室|机关)([（(][^）)]{1,12}[）)])?$/;

/** Ends like an agency's name: what 和 / 及 may join. */
export function endsLikeAgency(name: string): boolean {
  return AGENCY_END.test(name);
}

// Sentences that name nobody: 以下均需…落实, 不再单列, 下同, 具体任务均涉及…
const NOTE = /下同|不再|单列|列出|均需|均涉及|以下|上述|同上|做分工|除.*外|^(注|备注|说明)|具体任务/;
const SENTENCE_WORDS = /[的了着将把对在需要]|落实|完成|推进|实施|开展|建立|加强|提出|研究|确保/;

/** Whether a piece of a clause is a party's name (and not a note or a sentence). */
export function isPartyName(name: string): boolean {
  if (!name || name.length > 40 || NOTE.test(name)) return false;
  if (AGENCY_END.test(name) || isCollective(name)) return true;
  return name.length <= 10 && !SENTENCE_WORDS.test(name);
}

/** How to write `name` where `prefix` already carries: 交通运输厅 for 自治区交通运输厅 after 自治区…、. */
export function writtenFormIn(prefix: string, name: string): string {
  return prefix && name.startsWith(prefix) && name.length > prefix.length + 1 ? name.slice(prefix.length) : name;
}
