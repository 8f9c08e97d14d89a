// The exported document as a word processor lays it out: LibreOffice (headless) converts it to
// PDF, and the pages are checked: A4, as many pages as 22 lines of 28 characters make, the first
// page's text, the attachment's header row repeated on the page after it. Page images are kept
// in .cache/word/ (git-ignored) for a person to look at.
// Runs only where soffice or libreoffice is installed (Debian: libreoffice-writer; pdftotext and
// pdftoppm from poppler-utils); elsewhere it is skipped with the reason in the test's name
// (FENGONG_SOFFICE=none skips it too).
// LibreOffice's numbering is also compared with the importer's on a document numbered by Word's
// own means (heading styles and list levels).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
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
const OUT = join(ROOT, '.cache/word');

const NO_SOFFICE = 'skipped: LibreOffice is not installed (no soffice or libreoffice on PATH, or FENGONG_SOFFICE=none; Debian: apt-get install libreoffice-writer poppler-utils)';
const NO_POPPLER = 'skipped: pdftotext/pdftoppm not installed (Debian: apt-get install poppler-utils)';

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

/** Converts .docx files in OUT to PDF beside them. */
function toPdf(names: string[]): void {
  execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', OUT, ...names.map((n) => join(OUT, n))], {
    env,
    timeout: 240_000,
    stdio: 'pipe',
  });
}

const pdfText = (name: string, first: number, last = first) => execFileSync(PDFTOTEXT!, ['-layout', '-f', String(first), '-l', String(last), join(OUT, name), '-'], { encoding: 'utf8' });
const pageCount = (name: string) => readFileSync(join(OUT, name), 'latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
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

if (!SOFFICE) {
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
      toPdf(['sample.docx', 'sample-with-table.docx']);
    }, 300_000);
    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    it('converts to A4 pages', () => {
      const pdf = readFileSync(join(OUT, 'sample.pdf'), 'latin1');
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
      expect(Number(box[1])).toBeCloseTo(595.3, 0);
      expect(Number(box[2])).toBeCloseTo(841.9, 0);
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
      expect(squash(first)).toContain('(一)创新口岸管理服务体系。');
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

    it.skipIf(!PDFTOTEXT)('starts the attachment on a page of its own and repeats the table header on the next', () => {
      const pages = pageCount('sample-with-table.pdf');
      let at = 0;
      for (let i = 1; i <= pages && !at; i++) if (/^\s*附件\s*$/m.test(pdfText('sample-with-table.pdf', i))) at = i;
      expect(at).toBeGreaterThan(20);
      const page = pdfText('sample-with-table.pdf', at);
      expect(page.trimStart().startsWith('附件')).toBe(true);
      expect(squash(page)).toContain('任务分工表');
      expect(page).toMatch(/序号\s+任务\s+牵头单位\s+配合单位/);
      expect(pdfText('sample-with-table.pdf', at - 1)).toContain('附件：任务分工表');
      const next = pdfText('sample-with-table.pdf', at + 1).split('\n').filter((l) => l.trim());
      expect(next[0]).toMatch(/序号\s+任务\s+牵头单位\s+配合单位/);
    });

    it.skipIf(!PDFTOPPM)('keeps page images in .cache/word/ for a person to look at', () => {
      const pages = pageCount('sample-with-table.pdf');
      let at = 0;
      for (let i = 1; i <= pages && !at; i++) if (/^\s*附件\s*$/m.test(pdfText('sample-with-table.pdf', i))) at = i;
      execFileSync(PDFTOPPM!, ['-r', '80', '-png', '-f', '1', '-l', '2', '-singlefile', join(OUT, 'sample.pdf'), join(OUT, 'page-1')]);
      execFileSync(PDFTOPPM!, ['-r', '80', '-png', '-f', String(at), '-l', String(at), '-singlefile', join(OUT, 'sample-with-table.pdf'), join(OUT, 'page-attachment')]);
      expect(existsSync(join(OUT, 'page-1.png'))).toBe(true);
      expect(existsSync(join(OUT, 'page-attachment.png'))).toBe(true);
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

if (SOFFICE && (!PDFTOTEXT || !PDFTOPPM)) {
  describe('LibreOffice page checks', () => {
    it.skip(NO_POPPLER, () => {});
  });
}
