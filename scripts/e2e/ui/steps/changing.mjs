// Steps that change files, run last: "add to registry" says what it wrote and where, Repair plan
// says what it changed, an agency renamed with F2 and Enter is renamed on disk at once (its entry
// written into the workspace registry) and Shift+Enter still shows the preview first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditor, clearNotifications, fail, focusEditor, keys, lineColumn, log, moveCursorTo, openFile, runCommand, shot, state, until, waitForNotification } from '../driver.mjs';
import { BROKEN_FILE, COMPLETION_LINE, RENAMED_FROM, RENAMED_TO, UNKNOWN_AGENCY, UNOPENED_FILE } from './sample.mjs';

export const REPAIR_FILE = 'repair-ui.plan.txt';
const REGISTRY = 'fengong.registry.json';
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** The refactor preview's pane, if shown. */
const previewShown = async () => (await state.page.locator('.part.panel, .part.auxiliarybar, .part.sidebar').filter({ hasText: /Refactor Preview|重构预览/ }).count()) > 0;

export function registerChangingSteps({ define, dirs, OPEN }) {
  const read = (name) => (existsSync(join(dirs.workspace, name)) ? readFileSync(join(dirs.workspace, name), 'utf8') : undefined);

  define(
    `the quick fix 加入单位名录 on ${UNKNOWN_AGENCY} says what it wrote and where`,
    async () => {
      const page = state.page;
      await openFile(BROKEN_FILE);
      const target = lineColumn(read(BROKEN_FILE), UNKNOWN_AGENCY, { after: true });
      await focusEditor();
      await moveCursorTo({ ...target, column: target.column - 2 }, target.length);
      await until(async () => (await activeEditor().locator('.view-overlays .squiggly-warning').count()) > 0, 'the warning squiggle', 15_000);
      await keys.press('Control+.');
      const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: '加入单位名录' }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => fail(`no quick fix 加入单位名录: ${JSON.stringify(await page.locator('.action-widget .monaco-list-row').allInnerTexts())}`));
      await row.click();
      const said = await waitForNotification(/fengong\.registry\.json/, 'a notification naming the registry file');
      log(`notification: ${said}`);
      await shot('item10-added-to-registry');
      if (!said.includes(UNKNOWN_AGENCY)) fail(`the notification does not name ${UNKNOWN_AGENCY}: ${said}`);
      if (!/打开/.test(said)) fail(`the notification offers no 打开 (open): ${said}`);
      await until(() => read(REGISTRY)?.includes(UNKNOWN_AGENCY), `${REGISTRY} on disk to hold ${UNKNOWN_AGENCY}`, 10_000);
      await clearNotifications();
    },
    { requires: [OPEN], timeoutMs: 45_000 },
  );

  define(
    'Repair plan says what it changed',
    async () => {
      await openFile(REPAIR_FILE);
      await pause(1_000);
      await runCommand('修复方案', /修复方案/);
      const said = await waitForNotification(/修正|修复/, 'a notification saying what Repair plan changed');
      log(`notification: ${said}`);
      await shot('item10-repair');
      if (!/\d/.test(said)) fail(`the notification gives no count: ${said}`);
      await clearNotifications();
      await runCommand('View: Revert and Close Editor', /Revert and Close Editor/);
    },
    { requires: [OPEN], timeoutMs: 45_000 },
  );

  define(
    `F2 on ${RENAMED_FROM}, the new name and Enter rename it everywhere at once: ${UNOPENED_FILE} on disk, the registry, no findings`,
    async () => {
      const page = state.page;
      await openFile('manzhouli-2014.txt');
      await focusEditor();
      const sample = read('manzhouli-2014.txt');
      const at = lineColumn(sample, RENAMED_FROM, { after: true, line: COMPLETION_LINE });
      await moveCursorTo({ ...at, column: at.column - 2 }, at.length);
      await keys.press('F2');
      const input = page.locator('.rename-box input, .rename-box textarea').first();
      await input.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => fail('no rename box after F2'));
      await until(async () => (await input.inputValue()) === RENAMED_FROM, `the rename box to hold ${RENAMED_FROM}`, 5_000);
      await input.fill(RENAMED_TO);
      await keys.press('Enter');
      const reached = await until(() => read(UNOPENED_FILE)?.includes(RENAMED_TO), `${UNOPENED_FILE} on disk to name ${RENAMED_TO}`, 15_000).catch(() => false);
      const preview = await previewShown();
      await pause(2_000);
      await shot('item2-rename-applied');
      if (!reached) fail(`${UNOPENED_FILE} on disk was not renamed${preview ? ' (the refactor preview opened instead, asking for confirmation)' : ''}`);
      if (preview) fail('the refactor preview opened for a plain Enter');
      const registry = read(REGISTRY) ?? '';
      if (!registry.includes(RENAMED_TO) || !registry.includes(RENAMED_FROM)) fail(`${REGISTRY} does not hold ${RENAMED_TO} with the alias ${RENAMED_FROM}: ${registry.slice(0, 400)}`);
      const said = await waitForNotification(new RegExp(RENAMED_TO), 'a notification saying the registry was written');
      log(`notification: ${said}`);
      // No finding for the new name: no warning squiggle in the renamed plan.
      await pause(1_500);
      const warnings = await activeEditor().locator('.view-overlays .squiggly-warning').count();
      if (warnings) fail(`${warnings} warning squiggle(s) in the renamed plan`);
      await clearNotifications();
    },
    { requires: [OPEN], timeoutMs: 60_000 },
  );

  define(
    'F2 and the preview key the rename box names (Shift+Enter, Ctrl+Enter in the web workbench) show the rename in the refactor preview first',
    async () => {
      const page = state.page;
      await openFile('manzhouli-2014.txt');
      await focusEditor();
      const at = lineColumn(readFileSync(join(dirs.workspace, UNOPENED_FILE), 'utf8'), RENAMED_TO, { after: true, line: COMPLETION_LINE });
      await moveCursorTo({ ...at, column: at.column - 2 }, at.length);
      await keys.press('F2');
      const input = page.locator('.rename-box input, .rename-box textarea').first();
      await input.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => fail('no rename box after F2'));
      await input.fill('自治区商务口岸厅');
      // The rename box says which key previews: `Enter to Rename, Shift+Enter to Preview`.
      const hint = (await page.locator('.rename-box').allInnerTexts()).join(' ');
      const key = /(Shift|Ctrl|Cmd)\+Enter/.exec(hint)?.[0].replace('Ctrl', 'Control').replace('Cmd', 'Meta');
      if (!key) fail(`the rename box names no preview key: ${JSON.stringify(hint)}`);
      log(`rename box: ${hint.replace(/\s+/g, ' ')}; pressing ${key}`);
      await keys.press(key);
      await until(previewShown, 'the refactor preview', 10_000);
      await shot('item2-rename-preview');
      // Nothing applied from the preview: its Discard button.
      await page.locator('.monaco-button').filter({ hasText: /^(Discard|放弃)$/ }).first().click({ timeout: 5_000 });
      await until(async () => !(await previewShown()) || (await page.locator('.monaco-button').filter({ hasText: /^(Discard|放弃)$/ }).count()) === 0, 'the preview to close', 5_000);
      const still = readFileSync(join(dirs.workspace, UNOPENED_FILE), 'utf8');
      if (still.includes('自治区商务口岸厅')) fail('the discarded preview changed a file');
    },
    { requires: [OPEN], timeoutMs: 45_000 },
  );
}
