// Steps that type into plans and read the suggest widget, leaving every file as it was (undo,
// or an untitled document closed unsaved): agency completion by Chinese and by pinyin (the
// editor's own ranking), nothing that eats Enter or Tab at a heading's end, the next heading
// number first at a line start.
import { activeEditor, fail, focusEditor, keys, lineColumn, log, moveCursorTo, openFile, runCommand, settledSuggestions, shot, state, suggestions, suggestWidget, undoAll, until, viewLineText } from '../driver.mjs';
import { COMPLETION_AFTER, COMPLETION_LINE, COMPLETION_WANT, findLine } from './sample.mjs';

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

export function registerTypingSteps({ define, sample, OPEN }) {
  const reopenSample = async () => {
    await openFile('manzhouli-2014.txt');
    await focusEditor();
  };

  define(
    `typing 交 after ${COMPLETION_AFTER} (line ${COMPLETION_LINE}) opens the suggest widget with ${COMPLETION_WANT}`,
    async () => {
      await reopenSample();
      const target = lineColumn(sample, COMPLETION_AFTER, { after: true, line: COMPLETION_LINE });
      await moveCursorTo(target, target.length);
      // 交 is no trigger character: this is VS Code's quick suggestions, as a user types.
      await keys.insertText('交');
      const opened = await suggestWidget().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (!opened) {
        await undoAll(1);
        fail('no suggest widget within 5 s of typing 交 (quick suggestions)');
      }
      let items = [];
      await until(async () => (items = await suggestions()).some((t) => t.includes(COMPLETION_WANT)), `a suggestion containing ${COMPLETION_WANT}`, 10_000).catch(() =>
        fail(`the suggest widget has no ${COMPLETION_WANT}; items: ${JSON.stringify(items.slice(0, 10))}`),
      );
      log(`suggestions: ${JSON.stringify(items.slice(0, 4))}`);
      await shot('3-suggest-typing');
      await undoAll(1);
    },
    { requires: [OPEN] },
  );

  define(
    `typing 、 in the clause opens the suggest widget, 交 narrows it to ${COMPLETION_WANT}, Enter writes the name back`,
    async () => {
      await reopenSample();
      const target = lineColumn(sample, COMPLETION_AFTER.slice(0, -1), { after: true, line: COMPLETION_LINE });
      const original = sample.split(/\r?\n/)[COMPLETION_LINE - 1];
      await moveCursorTo(target, target.length);
      // Select 、交通运输厅 and retype it: 、 (a trigger character), then 交, then Enter.
      for (let i = 0; i < 1 + COMPLETION_WANT.length; i++) await keys.press('Shift+ArrowRight');
      await keys.insertText('、');
      await suggestWidget().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => fail('no suggest widget after typing the trigger character 、'));
      const before = await suggestions();
      await keys.insertText('交');
      const items = await settledSuggestions(`${COMPLETION_WANT} first, settled`, (rows) => rows[0]?.includes(COMPLETION_WANT)).catch(async () =>
        fail(`after 交 the first suggestion is not ${COMPLETION_WANT}; items: ${JSON.stringify((await suggestions()).slice(0, 6))}`),
      );
      log(`after 、: ${JSON.stringify(before.slice(0, 3))}; after 交: ${JSON.stringify(items.slice(0, 3))}`);
      await shot('4-suggest-trigger');
      await keys.press('Enter');
      await suggestWidget().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => fail('the suggest widget stayed open after Enter'));
      const line = await until(() => viewLineText(COMPLETION_LINE), `the text of line ${COMPLETION_LINE}`, 3_000);
      if (line !== original) {
        const at = [...line].findIndex((c, i) => c !== [...original][i]);
        fail(`after accepting, line ${COMPLETION_LINE} differs from the sample from column ${at + 1}: …${line.slice(Math.max(0, at - 12), at + 20)}…`);
      }
      await undoAll(3);
    },
    { requires: [OPEN] },
  );

  /** Selects the name after `after` on `line`, types `typed` as keystrokes, returns the settled rows. */
  const typePinyin = async (line, after, name, typed, shotName) => {
    await reopenSample();
    const target = lineColumn(sample, after, { after: true, line });
    await moveCursorTo(target, target.length);
    for (let i = 0; i < name.length; i++) await keys.press('Shift+ArrowRight');
    // Key by key, as a drafter types with the input method off: the editor filters and ranks.
    await keys.type(typed, { delay: 120 });
    const rows = await settledSuggestions(`suggestions after typing ${typed}`).catch(() => fail(`no suggestions after typing ${typed}`));
    log(`after ${typed}: ${JSON.stringify(rows.slice(0, 4))}`);
    await shot(shotName);
    await undoAll(typed.length + 1);
    return rows;
  };

  define(
    `typing the pinyin initials jtys in a clause lists ${COMPLETION_WANT} first`,
    async () => {
      const rows = await typePinyin(COMPLETION_LINE, COMPLETION_AFTER, COMPLETION_WANT, 'jtys', 'item5-pinyin-jtys');
      if (!rows[0]?.startsWith(COMPLETION_WANT)) fail(`the first row after jtys is ${JSON.stringify(rows[0])}, not ${COMPLETION_WANT}; rows: ${JSON.stringify(rows.slice(0, 5))}`);
    },
    { requires: [OPEN] },
  );

  // A clause of the sample that does not name 商务厅, with 自治区X、Y in it: Y is retyped as swt.
  const swt = findLine(sample, /^(?!.*商务厅).*[(（][^()（）]*(自治区[^、,，()（）]+、)([^、,，()（）等]+)/);
  define(
    `typing the pinyin initials swt in a clause (line ${swt.line}) lists 商务厅 first`,
    async () => {
      const rows = await typePinyin(swt.line, swt.match[1], swt.match[2], 'swt', 'item5-pinyin-swt');
      if (!rows[0]?.startsWith('商务厅')) fail(`the first row after swt is ${JSON.stringify(rows[0])}, not 商务厅; rows: ${JSON.stringify(rows.slice(0, 5))}`);
    },
    { requires: [OPEN] },
  );

  const chapter = findLine(sample, /^二、\S+$/);
  define(
    `typing at the end of the chapter title ${chapter.text} and pressing Enter gives a new line, not a clause`,
    async () => {
      await reopenSample();
      await moveCursorTo({ line: chapter.line, column: chapter.text.length + 1 }, chapter.text.length);
      for (const ch of '和合作') {
        await keys.insertText(ch);
        await pause(250);
      }
      await pause(1_000);
      const shown = (await suggestWidget().count()) ? await suggestions() : [];
      log(`suggestions at the title's end: ${JSON.stringify(shown.slice(0, 4))}`);
      await shot('item1-heading-end');
      await keys.press('Enter');
      await pause(300);
      const line = await until(() => viewLineText(chapter.line), `the text of line ${chapter.line}`, 3_000);
      const next = await viewLineText(chapter.line + 1);
      await shot('item1-heading-end-enter');
      await undoAll(5);
      if (line !== `${chapter.text}和合作`) fail(`Enter at the title's end changed the heading into ${JSON.stringify(line)} (suggestions shown: ${JSON.stringify(shown.slice(0, 3))})`);
      if (next?.trim()) fail(`the new line after the heading is not empty: ${JSON.stringify(next)}`);
    },
    { requires: [OPEN] },
  );

  define(
    'New plan: typing the placeholders and pressing Tab moves through the skeleton and adds no clause to the chapter title',
    async () => {
      await runCommand('新建分工方案', /新建分工方案/);
      await until(async () => (await activeEditor().locator('.view-lines').innerText()).includes('重点工作分工方案'), 'the new plan skeleton in an editor', 10_000);
      await pause(500);
      await keys.insertText('测试规划');
      await keys.press('Tab');
      for (const ch of '深化口岸通关改革') {
        await keys.insertText(ch);
        await pause(150);
      }
      await pause(1_000);
      const shown = (await suggestWidget().count()) ? await suggestions() : [];
      await shot('item1-new-plan-title');
      await keys.press('Tab');
      await pause(300);
      const text = (await activeEditor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
      await shot('item1-new-plan-tab');
      await runCommand('View: Revert and Close Editor', /Revert and Close Editor/);
      const chapterLine = text.split('\n').find((l) => l.startsWith('一'));
      log(`New plan, chapter line after Tab: ${JSON.stringify(chapterLine)}; suggestions were ${JSON.stringify(shown.slice(0, 3))}`);
      if (chapterLine?.trim() !== '一、深化口岸通关改革') fail(`after Tab the chapter line reads ${JSON.stringify(chapterLine)} (suggestions shown: ${JSON.stringify(shown.slice(0, 3))})`);
    },
    { requires: [OPEN] },
  );

  define(
    `typing ( at the start of a new line lists the next section number first`,
    async () => {
      await reopenSample();
      const end = sample.split(/\r?\n/)[COMPLETION_LINE - 1].length;
      await moveCursorTo({ line: COMPLETION_LINE, column: end + 1 }, end);
      await keys.press('Enter');
      await keys.type('(');
      const rows = await settledSuggestions('suggestions after ( at a line start').catch(() => fail('no suggestions after ( at a line start'));
      log(`after ( at a line start: ${JSON.stringify(rows.slice(0, 4))}`);
      await shot('item7-line-start');
      await undoAll(3);
      if (!/^[(（][一二三四五六七八九十]+[)）]/.test(rows[0] ?? '')) fail(`the first row is ${JSON.stringify(rows[0])}, not a section number; rows: ${JSON.stringify(rows.slice(0, 5))}`);
    },
    { requires: [OPEN] },
  );
}
