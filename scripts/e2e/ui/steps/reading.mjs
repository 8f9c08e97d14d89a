// Steps that read what the workbench shows, changing nothing: the extension's icon, the Outline
// (rows and icons), word wrap, the command palette, the Agencies view and the matrix in Chinese,
// and the hover on a squiggle.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditor, fail, focusEditor, keys, languageShown, lineColumn, log, moveCursorTo, openFile, quickPick, runCommand, shot, state, until, alive } from '../driver.mjs';
import { BROKEN_FILE, CHAPTER, COMPLETION_LINE, UNKNOWN_AGENCY, UNKNOWN_MESSAGE } from './sample.mjs';

export function registerReadingSteps({ define, sample, dirs, INSTALL, OPEN, WORKBENCH }) {
  define(
    'the installed extension has an icon (a PNG drawn at build time) and no placeholder repository',
    () => {
      const pkg = JSON.parse(readFileSync(join(state.installed, 'package.json'), 'utf8'));
      if (!pkg.icon) fail('package.json names no icon');
      if (!existsSync(join(state.installed, pkg.icon))) fail(`the installed extension has no ${pkg.icon}`);
      const png = readFileSync(join(state.installed, pkg.icon));
      if (png.subarray(1, 4).toString() !== 'PNG' || png.readUInt32BE(16) < 128) fail(`${pkg.icon} is not a PNG of at least 128 px`);
      if (/example\.invalid|placeholder/.test(JSON.stringify(pkg.repository ?? ''))) fail(`placeholder repository URL: ${JSON.stringify(pkg.repository)}`);
    },
    { requires: [INSTALL] },
  );

  const chapters = sample.split(/\r?\n/).filter((l) => /^[一二三四五六七八九十]+、/.test(l)).map((l) => l.trim());
  define(
    `the Outline view lists the ${chapters.length} chapters (${CHAPTER}, …) with heading icons, tasks with task icons`,
    async () => {
      const page = state.page;
      if (!chapters.includes(CHAPTER)) fail(`the sample has no chapter '${CHAPTER}'`);
      await quickPick('Control+Shift+P', 'Focus on Outline View', /Outline/, 'command palette');
      const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /outline|大纲/i }) }).first();
      const readRows = async () => (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const icons = () => pane.locator('.monaco-list-row .outline-element-icon').evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c.startsWith('codicon-symbol-')) ?? e.className));
      let rows = [];
      await until(async () => (rows = await readRows()).some((r) => r.includes(CHAPTER)), `an Outline row '${CHAPTER}'`, 15_000).catch(() =>
        fail(`the Outline view shows no '${CHAPTER}'; rows: ${JSON.stringify(rows.slice(0, 10))}`),
      );
      // Expanded (as it opens), the first chapter shows its sections and their tasks.
      const expanded = await icons();
      log(`Outline icons, expanded: ${JSON.stringify(expanded.slice(0, 6))}`);
      await shot('item9-outline-expanded');
      // Collapse all to see every chapter, and give the pane the side bar's height (collapse the
      // file tree above it): the tree renders only the rows on screen.
      const folders = page.locator('.pane').filter({ has: page.locator('.explorer-folders-view') }).first();
      if ((await folders.locator('.pane-header').getAttribute('aria-expanded')) === 'true') await folders.locator('.pane-header').click();
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header .codicon-collapse-all').first().click({ timeout: 5_000 }).catch(() => fail("no 'Collapse All' button in the Outline view's title"));
      const body = await pane.locator('.pane-body').boundingBox();
      if (body) await page.mouse.move(body.x + body.width / 2, body.y + body.height - 10);
      await until(async () => (rows = await readRows()).length === chapters.length, `${chapters.length} rows once collapsed`, 5_000).catch(() =>
        fail(`collapsed, the Outline shows ${rows.length} rows: ${JSON.stringify(rows)}`),
      );
      const missing = chapters.filter((c) => !rows.some((r) => r.includes(c)));
      if (missing.length) fail(`the Outline lacks ${JSON.stringify(missing)}; rows: ${JSON.stringify(rows)}`);
      log(`Outline rows: ${JSON.stringify(rows)}`);
      await shot('2-outline');
      // Headings read as headings (the Markdown outline's kind: String), tasks as entries of a list.
      const chapterIcons = await icons();
      if (!chapterIcons.every((c) => c === 'codicon-symbol-string')) fail(`chapter icons are ${JSON.stringify(chapterIcons)}, not codicon-symbol-string (as Markdown's headings)`);
      if (expanded[1] !== 'codicon-symbol-string') fail(`the first section's icon is ${expanded[1]}, not codicon-symbol-string`);
      if (!expanded.includes('codicon-symbol-enum-member')) fail(`no task shows codicon-symbol-enum-member; icons: ${JSON.stringify(expanded)}`);
      if (expanded.some((c) => /namespace|module|event|class/.test(c))) fail(`code-like icons in the outline: ${JSON.stringify(expanded)}`);
    },
    { requires: [OPEN] },
  );

  define(
    `word wrap is on for plans: line ${COMPLETION_LINE} of the sample (${sample.split(/\r?\n/)[COMPLETION_LINE - 1].length} characters) wraps`,
    async () => {
      await openFile('manzhouli-2014.txt');
      await focusEditor();
      const target = lineColumn(sample, '(', { line: COMPLETION_LINE });
      await moveCursorTo(target, target.length);
      const tops = await state.page.evaluate((n) => {
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        const top = (k) => {
          const el = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find((e) => e.textContent.trim() === String(k));
          return el ? parseFloat(el.closest('[style*="top"]').style.top) : undefined;
        };
        const height = parseFloat(getComputedStyle(editor.querySelector('.view-line')).height);
        return { line: top(n), next: top(n + 1), height };
      }, COMPLETION_LINE);
      log(`line ${COMPLETION_LINE} at ${tops.line}px, line ${COMPLETION_LINE + 1} at ${tops.next}px, line height ${tops.height}px`);
      await shot('item6-word-wrap');
      if (tops.line === undefined || tops.next === undefined) fail(`lines ${COMPLETION_LINE} and ${COMPLETION_LINE + 1} are not both on screen`);
      if (tops.next - tops.line < 2 * tops.height) fail(`line ${COMPLETION_LINE} takes ${(tops.next - tops.line) / tops.height} screen line(s): no word wrap`);
    },
    { requires: [OPEN] },
  );

  define(
    'the command palette finds the commands by 分工方案 (a Chinese category)',
    async () => {
      const page = state.page;
      await keys.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      // The palette opens with `>` typed already.
      await keys.insertText('分工方案');
      let rows = [];
      await until(async () => (rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts()).length >= 5, 'five commands for 分工方案', 5_000).catch(() => {});
      rows = rows.map((r) => r.replace(/\s+/g, ' ').trim());
      log(`palette rows for 分工方案: ${JSON.stringify(rows.slice(0, 8))}`);
      await shot('item8-palette');
      await keys.press('Escape');
      // The rows on screen (the list draws only those): the extension's commands, by their Chinese category.
      if (rows.length < 5) fail(`only ${rows.length} palette rows for 分工方案: ${JSON.stringify(rows)}`);
      const others = rows.filter((r) => !r.startsWith('分工方案: '));
      if (others.length) fail(`rows not in the category 分工方案: ${JSON.stringify(others.slice(0, 4))}`);
      if (!rows.some((r) => r.startsWith('分工方案: 修复方案'))) fail(`no '分工方案: 修复方案' among ${JSON.stringify(rows)}`);
    },
    { requires: [OPEN] },
  );

  define(
    'the Agencies view speaks Chinese: roles 牵头 / 配合, tasks by 第…行',
    async () => {
      const page = state.page;
      await openFile('manzhouli-2014.txt');
      await runCommand('Focus on 分工单位 View', /分工单位/);
      const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: '分工单位' }) }).first();
      const rows = () => pane.locator('.monaco-list-row');
      await until(async () => (await rows().count()) > 3, 'agency rows in the Agencies view', 15_000);
      // The first agency, expanded: its roles, then its tasks.
      await rows().first().click();
      await keys.press('ArrowRight');
      let texts = [];
      await until(async () => (texts = (await rows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).some((t) => /第\s*\d+\s*行/.test(t)), 'a task row with 第…行', 10_000).catch(() =>
        fail(`no task row reads 第…行: ${JSON.stringify(texts.slice(0, 8))}`),
      );
      log(`Agencies rows: ${JSON.stringify(texts.slice(0, 6))}`);
      await shot('item8-agencies');
      if (!texts.some((t) => /牵头|配合/.test(t))) fail(`no role row reads 牵头 or 配合: ${JSON.stringify(texts.slice(0, 8))}`);
      const english = texts.filter((t) => /\b(Lead|Cooperating|Responsible|line)\b/.test(t));
      if (english.length) fail(`English in the Agencies view: ${JSON.stringify(english.slice(0, 4))}`);
    },
    { requires: [OPEN] },
  );

  define(
    'the matrix speaks Chinese and heads its columns with the chapter titles',
    async () => {
      const page = state.page;
      await openFile('manzhouli-2014.txt');
      await runCommand('显示分工矩阵', /显示分工矩阵/);
      // The webview's page is two frames down: the panel's iframe, then its active frame.
      const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      let heads = [];
      await until(async () => (heads = (await frame.locator('th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).length > 5, 'the matrix table headers', 20_000).catch(() =>
        fail(`the matrix shows no table headers: ${JSON.stringify(heads)}`),
      );
      log(`matrix headers: ${JSON.stringify(heads)}`);
      await shot('item8-matrix');
      if (!heads.some((h) => h.includes('单位'))) fail(`no 单位 header: ${JSON.stringify(heads)}`);
      if (!heads.some((h) => h.includes('推进体制机制改革创新'))) fail(`no chapter title in the headers: ${JSON.stringify(heads)}`);
      const english = heads.filter((h) => /Agency|Lead|Coop/.test(h));
      if (english.length) fail(`English headers: ${JSON.stringify(english)}`);
      await runCommand('View: Close All Editors', /View: Close All Editors(?! in)/);
    },
    { requires: [OPEN] },
  );

  define(
    `hovering the squiggle under ${UNKNOWN_AGENCY} in ${BROKEN_FILE} shows “${UNKNOWN_MESSAGE}”, in Chinese only`,
    async () => {
      const page = state.page;
      await openFile(BROKEN_FILE);
      await until(async () => (await languageShown()) === '分工方案', `the status bar to show ${BROKEN_FILE}'s language 分工方案`, 15_000);
      const broken = readFileSync(join(dirs.workspace, BROKEN_FILE), 'utf8');
      // The cursor right after the name: the editor scrolls so that the name is on screen.
      const target = lineColumn(broken, UNKNOWN_AGENCY, { after: true });
      await focusEditor();
      await moveCursorTo(target, target.length);
      const squiggles = activeEditor().locator('.view-overlays .squiggly-warning');
      await until(async () => (await squiggles.count()) > 0, 'a warning squiggle on screen', 15_000);
      // The squiggle under the name: the one the text cursor is in (nearest to it).
      const cursor = await activeEditor().locator('.cursors-layer .cursor').first().boundingBox();
      const content = await activeEditor().locator('.lines-content').first().boundingBox();
      const view = await activeEditor().boundingBox();
      const boxes = (await squiggles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))).filter(
        (b) => b.width > 0 && b.x >= (content?.x ?? 0) - 1 && b.x + b.width <= (view ? view.x + view.width : Infinity),
      );
      if (!boxes.length) fail('no warning squiggle is fully on screen');
      const near = (b) => (cursor ? Math.abs(b.x + b.width / 2 - cursor.x) + Math.abs(b.y + b.height / 2 - cursor.y) : 0);
      const box = boxes.sort((a, b) => near(a) - near(b))[0];
      alive();
      await page.mouse.move(box.x + box.width / 2 - 20, box.y - 30);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 3, { steps: 5 });
      const hover = page.locator('.monaco-hover').filter({ hasText: UNKNOWN_MESSAGE }).first();
      await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
        const shown = await page.locator('.monaco-hover').allInnerTexts().catch(() => []);
        fail(`no hover with '${UNKNOWN_MESSAGE}' (hovers: ${JSON.stringify(shown)})`);
      });
      const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
      log(`hover: ${text.slice(0, 200)}`);
      await shot('5-hover');
      if (!text.includes(UNKNOWN_AGENCY)) fail(`the hover does not name ${UNKNOWN_AGENCY}: ${text.slice(0, 300)}`);
      // The squiggle's own part of the hover: the diagnostic, with its source and code.
      if (!text.includes('agency.unknown')) fail(`the hover shows no diagnostic 'fengong(agency.unknown)': ${text.slice(0, 300)}`);
      // The display language is Chinese: the finding is not repeated in English.
      if (/is not in the agency registry/.test(text)) fail(`the finding is in both languages under a Chinese display language: ${text.slice(0, 300)}`);
      await page.mouse.move(10, 10);
    },
    { requires: [WORKBENCH] },
  );
}
