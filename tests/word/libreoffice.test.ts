// The printed outputs as a word processor and a spreadsheet lay them out: LibreOffice (headless)
// converts the exported .docx and .xlsx to PDF, and the pages are checked: each page's size and
// orientation (the text A4 portrait, the 附件 A4 landscape, the xlsx task table A4 landscape and
// one page wide), as many text pages as 22 lines of 28 characters make, the 附件's pages (the
// sample's 77 tasks on at most 6) and the table's header on every one of them. Page images are
// kept in .cache/word/ (git-ignored) for a person to look at.
// LibreOffice comes from Debian (.ci/run installs libreoffice-writer-nogui,
// libreoffice-calc-nogui, poppler-utils, fonts-noto-cjk and fonts-crosextra-carlito, Calibri's
// metrics, which the xlsx column widths are reckoned in). Where it cannot be installed these
// tests are skipped with the reason (FENGONG_SOFFICE=none skips them too); where .ci/run has
// installed it (FENGONG_SOFFICE_REQUIRED=1), a missing LibreOffice fails.
// LibreOffice's numbering is also compared with the importer's on a document numbered by Word's
// own means (heading styles and list levels).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { exportTable } from '../../server/src/sheets';
import { exportDocx } from '../../server/src/word/docxExport';
import { importDocx } from '../../server/src/word/docxImport';
import { layoutPlan } from '../../server/src/word/layout';
import { ROOT, SAMPLE } from '../helpers';
import { makeDocx, NUMBERING, p, r, STYLES } from './fixtures/build';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

// FENGONG_SOFFICE names another LibreOffice binary, or `none` to skip these tests.
const SOFFICE = process.env.FENGONG_SOFFICE === 'none' ? undefined : process.env.FENGONG_SOFFICE || which('soffice') || which('libreoffice');
const PDFTOTEXT = which('pdftotext');
const PDFTOPPM = which('pdftoppm');
const PDFINFO = which('pdfinfo');
const OUT = join(ROOT, '.cache/word');

const NO_SOFFICE = `skipped: LibreOffice is not installed (${process.env.FENGONG_SOFFICE_UNAVAILABLE || 'no soffice or libreoffice on PATH, or FENGONG_SOFFICE=none'}; Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk)`;
const NO_POPPLER = 'skipped: pdftotext/pdftoppm/pdfinfo not installed (Debian: apt-get install poppler-utils)';
const POPPLER = !!(PDFTOTEXT && PDFTOPPM && PDFINFO);

/** What the preview stands in for the official faces, where the machine has Chinese fonts at all. */
function previewFonts(dir: string): Record<string, string> {
  const families = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '';
  const has = (f: string) => families.includes(f);
  const serif = has('Noto Serif CJK SC') ? 'Noto Serif CJK SC' : has('AR PL UMing CN') ? 'AR PL UMing CN' : undefined;
  const sans = has('Noto Sans CJK SC') ? 'Noto Sans CJK SC' : has('WenQuanYi Micro Hei') ? 'WenQuanYi Micro Hei' : undefined;
  const kai = has('AR PL UKai CN') ? 'AR PL UKai CN' : serif;
  if (!serif || !sans || !existsSync('/etc/fonts/fonts.conf')) return {};
  const alias = (name: string, to: string | undefined) => (to ? `<alias binding="same"><family>${name}</family><prefer><family>${to}</family></prefer></alias>` : '');
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      alias('仿宋_GB2312', serif) + alias('宋体', serif) + alias('方正小标宋简体', serif) + alias('黑体', sans) + alias('楷体_GB2312', kai) +
      `</fontconfig>`,
  );
  return { FONTCONFIG_FILE: conf };
}

let profile: string;
let env: NodeJS.ProcessEnv;

/** Converts .docx and .xlsx files in OUT to PDF beside them. */
function toPdf(names: string[]): void {
  execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', OUT, ...names.map((n) => join(OUT, n))], {
    env,
    timeout: 240_000,
    stdio: 'pipe',
  });
}

const pdfText = (name: string, first: number, last = first) => execFileSync(PDFTOTEXT!, ['-layout', '-f', String(first), '-l', String(last), join(OUT, name), '-'], { encoding: 'utf8' });
const pageCount = (name: string) => readFileSync(join(OUT, name), 'latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

/** Each page's size in points, as pdfinfo reads it: [width, height]. */
function pageSizes(name: string): [number, number][] {
  const out = execFileSync(PDFINFO!, ['-f', '1', '-l', '999', join(OUT, name)], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}
const A4 = [595.3, 841.9];
const portrait = ([w, h]: [number, number]) => Math.abs(w - A4[0]) < 1 && Math.abs(h - A4[1]) < 1;
const landscape = ([w, h]: [number, number]) => Math.abs(w - A4[1]) < 1 && Math.abs(h - A4[0]) < 1;
const HEADER = /序号\s+任务\s+牵头单位\s+配合单位\s+完成时限/;

/** The page on which 附件 stands alone: where the attachment begins. */
function attachmentPage(name: string): number {
  const pages = pageCount(name);
  for (let i = 1; i <= pages; i++) if (/^\s*附件\s*$/m.test(pdfText(name, i))) return i;
  return 0;
}
const squash = (s: string) => s.replace(/\s+/g, '');

/** Lines the plan takes at 28 characters a line (half-width characters count half), title at 20. */
function estimatedLines(text: string): number {
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
  let lines = 0;
  for (const b of layoutPlan(analyze(text).model).blocks) {
    const t = b.runs.map((x) => x.text).join('');
    lines += b.kind === 'title' ? Math.ceil(width(t) / 20) : b.kind === 'blank' ? 1 : Math.ceil((2 + width(t)) / 28);
  }
  return lines;
}

if (!SOFFICE && process.env.FENGONG_SOFFICE_REQUIRED === '1' && process.env.FENGONG_SOFFICE !== 'none') {
  describe('LibreOffice lays the export out as an official document', () => {
    it('has LibreOffice, which .ci/run installed', () => {
      expect(SOFFICE, 'soffice or libreoffice on PATH').toBeDefined();
    });
  });
} else if (!SOFFICE) {
  // Said on stderr too: the default reporter lists a skipped test only by count.
  console.warn(`fengong: LibreOffice PDF tests ${NO_SOFFICE}`);
  describe('LibreOffice lays the export out as an official document', () => {
    it.skip(NO_SOFFICE, () => {});
  });
} else {
  describe('LibreOffice lays the export out as an official document', () => {
    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true });
      profile = mkdtempSync(join(tmpdir(), 'fengong-soffice-'));
      env = { ...process.env, ...previewFonts(profile) };
      const { model } = analyze(SAMPLE);
      writeFileSync(join(OUT, 'sample.docx'), (await exportDocx(model)).bytes);
      writeFileSync(join(OUT, 'sample-with-table.docx'), (await exportDocx(model, { withTable: true })).bytes);
      writeFileSync(join(OUT, 'sample-table.xlsx'), (await exportTable([{ path: 'manzhouli-2014.txt', model }], 'xlsx')) as Uint8Array);
      toPdf(['sample.docx', 'sample-with-table.docx', 'sample-table.xlsx']);
    }, 300_000);
    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    it('converts to A4 pages', () => {
      const pdf = readFileSync(join(OUT, 'sample.pdf'), 'latin1');
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
      expect(Number(box[1])).toBeCloseTo(595.3, 0);
      expect(Number(box[2])).toBeCloseTo(841.9, 0);
    });

    it.skipIf(!POPPLER)('prints every page of the text on A4 portrait, and the 附件’s on A4 landscape: the sample’s 77 tasks on at most 6', () => {
      const sizes = pageSizes('sample-with-table.pdf');
      const at = attachmentPage('sample-with-table.pdf');
      expect(sizes).toHaveLength(pageCount('sample-with-table.pdf'));
      expect(at).toBeGreaterThan(20);
      sizes.forEach((size, i) => expect(i + 1 < at ? portrait(size) : landscape(size), `page ${i + 1}: ${size.join(' × ')} pt`).toBe(true));
      const annex = sizes.length - at + 1;
      console.log(`fengong: the sample's 附件 takes ${annex} landscape pages (pages ${at}–${sizes.length} of ${sizes.length})`);
      expect(annex).toBeLessThanOrEqual(6);
      expect(pageSizes('sample.pdf').every(portrait)).toBe(true);
    });

    it.skipIf(!POPPLER)('repeats the table’s header on every page of the 附件, the 77 tasks numbered through', () => {
      const at = attachmentPage('sample-with-table.pdf');
      const last = pageCount('sample-with-table.pdf');
      const numbers: number[] = [];
      for (let i = at; i <= last; i++) {
        const page = pdfText('sample-with-table.pdf', i);
        expect(page, `page ${i}`).toMatch(HEADER);
        // 序号 cells: a number alone at the start of a row.
        for (const m of page.matchAll(/^[ \t]{0,12}(\d{1,2})(?=\s|$)/gm)) numbers.push(Number(m[1]));
      }
      expect(numbers).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
      expect(squash(pdfText('sample-with-table.pdf', last))).toContain('开展环境影响跟踪监测');
    });

    it.skipIf(!POPPLER)('prints the xlsx task table on A4 landscape, one page wide, the header and 第 N 页，共 M 页 on every page, no source-line column', () => {
      const sizes = pageSizes('sample-table.pdf');
      expect(sizes.length).toBeGreaterThan(1);
      sizes.forEach((size, i) => expect(landscape(size), `page ${i + 1}: ${size.join(' × ')} pt`).toBe(true));
      console.log(`fengong: the sample's xlsx task table prints on ${sizes.length} landscape pages, one page wide`);
      for (let i = 1; i <= sizes.length; i++) {
        const page = pdfText('sample-table.pdf', i);
        // The first column and the last on every page: nothing spills onto a page to the right.
        expect(page, `page ${i}`).toMatch(HEADER);
        expect(squash(page)).toContain(`第${i}页，共${sizes.length}页`);
        expect(page).not.toContain('原文行');
      }
      expect(squash(pdfText('sample-table.pdf', 1))).toContain('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作任务分工表');
      expect(squash(pdfText('sample-table.pdf', sizes.length))).toContain('开展环境影响跟踪监测');
    });

    it('takes as many pages as 22 lines of 28 characters make', () => {
      const pages = pageCount('sample.pdf');
      const estimate = Math.ceil(estimatedLines(SAMPLE) / 22);
      expect(Math.abs(pages - estimate)).toBeLessThanOrEqual(1);
      // The attachment adds pages of its own.
      expect(pageCount('sample-with-table.pdf')).toBeGreaterThan(pages + 3);
    });

    it.skipIf(!PDFTOTEXT)('shows the title, the first chapter and — 1 — on the first page', () => {
      const first = pdfText('sample.pdf', 1);
      expect(squash(first)).toContain('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案');
      expect(squash(first)).toContain('一、推进体制机制改革创新');
      expect(squash(first)).toContain('（一）创新口岸管理服务体系。');
      // Full-width punctuation in the body (GB/T 15834).
      expect(squash(first)).toContain('（以下简称《规划》）提出的各项重点任务，根据自治区');
      expect(first).toMatch(/—\s*1\s*—/);
      expect(first).not.toContain('阅读量');
    });

    it.skipIf(!PDFTOTEXT)('fills a full page with 22 lines of about 28 characters, numbered — 2 — on the left', () => {
      const lines = pdfText('sample.pdf', 2)
        .split('\n')
        .filter((l) => l.trim());
      const footer = lines.pop()!;
      expect(footer).toMatch(/^\s*—\s*2\s*—\s*$/);
      expect(lines).toHaveLength(22);
      const widths = lines.map((l) => [...squash(l)].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0));
      expect(Math.max(...widths)).toBeLessThanOrEqual(29);
      expect(widths.filter((w) => w >= 26).length).toBeGreaterThan(12);
    });

    it.skipIf(!PDFTOTEXT)('starts the attachment on a page of its own, announced at the end of the text', () => {
      const at = attachmentPage('sample-with-table.pdf');
      const page = pdfText('sample-with-table.pdf', at);
      expect(page.trimStart().startsWith('附件')).toBe(true);
      expect(squash(page)).toContain('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作任务分工表');
      expect(squash(pdfText('sample-with-table.pdf', at - 1))).toContain('附件：《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作任务分工表');
    });

    it.skipIf(!POPPLER)('keeps page images in .cache/word/ for a person to look at', () => {
      const at = attachmentPage('sample-with-table.pdf');
      const png = (pdf: string, page: number, name: string) => execFileSync(PDFTOPPM!, ['-r', '80', '-png', '-f', String(page), '-l', String(page), '-singlefile', join(OUT, pdf), join(OUT, name)]);
      png('sample.pdf', 1, 'page-1');
      png('sample-with-table.pdf', at, 'page-attachment');
      png('sample-with-table.pdf', at + 1, 'page-attachment-2');
      png('sample-table.pdf', 1, 'page-xlsx-1');
      for (const name of ['page-1', 'page-attachment', 'page-attachment-2', 'page-xlsx-1']) expect(existsSync(join(OUT, `${name}.png`)), name).toBe(true);
    });

    it.skipIf(!PDFTOTEXT)('numbers a Word-numbered document as the importer does', async () => {
      // 一、 and （一） through heading styles, 1. and （1） through list levels, restarting as Word does.
      const body = [
        p(r('推进改革'), { style: '1' }),
        p(r('创新体制。'), { style: '2' }),
        p(r('加强领导。'), { numId: 1, ilvl: 2 }),
        p(r('细化方案。'), { numId: 1, ilvl: 3 }),
        p(r('明确分工。'), { numId: 1, ilvl: 3 }),
        p(r('强化督查。'), { numId: 1, ilvl: 2 }),
        p(r('创新金融。'), { style: '2b' }),
        p(r('扩大开放'), { style: '1' }),
        p(r('提高贸易水平。'), { style: '2' }),
        p(r('优化环境。'), { numId: 5, ilvl: 2 }),
      ].join('');
      writeFileSync(join(OUT, 'numbered.docx'), makeDocx({ body, numbering: NUMBERING, styles: STYLES }));
      toPdf(['numbered.docx']);
      const marker = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/;
      const theirs = pdfText('numbered.pdf', 1)
        .split('\n')
        .map((l) => squash(l))
        .filter(Boolean)
        .map((l) => marker.exec(l)?.[0] + l.replace(marker, ''));
      const ours = (await importDocx(readFileSync(join(OUT, 'numbered.docx')))).text.trim().split('\n');
      expect(ours).toEqual(['一、推进改革', '（一）创新体制。', '1.加强领导。', '（1）细化方案。', '（2）明确分工。', '2.强化督查。', '（二）创新金融。', '二、扩大开放', '（一）提高贸易水平。', '1.优化环境。']);
      expect(theirs).toEqual(ours);
    }, 120_000);
  });
}

if (SOFFICE && !POPPLER) {
  describe('LibreOffice page checks', () => {
    it.skip(NO_POPPLER, () => {});
  });
}
