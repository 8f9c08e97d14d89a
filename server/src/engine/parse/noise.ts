// Web-page noise: what a page copied from a government site carries besides the plan.
// dates, 来源:, 阅读量:, 分类:, 回到顶部, print and share links; gov.cn metadata blocks too
// (索引号, 主题分类, 发文机关, 成文日期, 标题:, 发文字号).
const NOISE = /来源[:：]|阅读量|阅读次数|浏览次数|点击数|点击量|^分类[:：]|回到顶部|返回顶部|发布时间|发布日期|字号[:：]|打印本页|【打印|关闭窗口|分享到|责任编辑|扫一扫|【字体|^标签[:：]|^上一篇|^下一篇|^索[ \u3000]*引[ \u3000]*号[:：]|^主题分类[:：]|^发文机关[:：]|^成文日期[:：]|^标[ \u3000]*题[:：]|^发文字号[:：]|^主[ \u3000]*题[ \u3000]*词[:：]/;
// A page number left by a PDF copy: — 3 —, - 3 -.
const PAGE_NUMBER = /^[—\-－–\s]*\d{1,3}[—\-－–\s]*$/;
const DATE_LINE = /^\d{4}[-年/.]\d{1,2}([-月/.]\d{1,2}日?)?/;

export function isNoise(line: string): boolean {
  if (NOISE.test(line) || (PAGE_NUMBER.test(line) && /[—\-－–]/.test(line))) return true;
  return line.length <= 40 && DATE_LINE.test(line) && !/[。，,]/.test(line);
}
