// What the UI test's steps share: the run's state, a step collector that prints like the suite's
// harness (`✓ name (ms)` / `✗ name: reason`), key presses that belong to their step, polling,
// screenshots, and the workbench helpers (quick open, command palette, cursor, lines, widgets).
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS } from '../common.mjs';

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const log = (msg) => console.log(`[e2e-ui ${elapsed()}] ${msg}`);

export const state = {
  runId: '',
  dirs: null,
  codeServer: null,
  codeServerLog: null,
  context: null,
  page: null,
  /** The steps, in order, as step() arguments; results: { name, ok } of those that ran. */
  planned: [],
  results: [],
  /** The step running now; a step that timed out keeps running until it touches the page again. */
  stepId: 0,
  cleaning: null,
  finishing: false,
};

// ---------------------------------------------------------------------------------------------
// The collector
export class StepFailure extends Error {}

// Which step an async call belongs to: a step abandoned at its timeout must not press keys
// into the next one. Every key press, mouse move and poll checks it.
export const stepContext = new AsyncLocalStorage();

export function alive() {
  const id = stepContext.getStore();
  if (id !== undefined && id !== state.stepId) throw new StepFailure('abandoned after its timeout');
}

export const keys = {
  async press(key) {
    alive();
    await state.page.keyboard.press(key);
  },
  async type(text, options) {
    alive();
    await state.page.keyboard.type(text, options);
  },
  async insertText(text) {
    alive();
    await state.page.keyboard.insertText(text);
  },
};

export function fail(message) {
  throw new StepFailure(message);
}

export function define(name, fn, options) {
  state.planned.push([name, fn, options]);
}

export async function step(name, fn, { timeoutMs = 30_000, requires = [] } = {}) {
  if (state.finishing) return false;
  const started = Date.now();
  const missing = requires.filter((r) => !state.results.find((x) => x.name === r)?.ok);
  let error;
  if (missing.length) error = `cannot run: ${missing.map((m) => `'${m}'`).join(', ')} failed`;
  else {
    let timer;
    const id = ++state.stepId;
    try {
      await Promise.race([
        stepContext.run(id, () => Promise.resolve().then(fn)),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new StepFailure(`timed out after ${timeoutMs} ms`)), timeoutMs))),
      ]);
    } catch (err) {
      // Our own failures by their message; others (Playwright's) with where they came from.
      if (err instanceof StepFailure) error = err.message;
      else {
        const where = String(err?.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 2).map((l) => l.trim()).join(' | ');
        error = `${String(err?.message ?? err).split('\n')[0]}${where ? ` [${where}]` : ''}`;
      }
    } finally {
      clearTimeout(timer);
      state.stepId++; // whatever of this step still runs is abandoned
    }
  }
  if (state.finishing) return false; // stopped meanwhile (timeout, signal): counted as not run
  state.results.push({ name, ok: !error });
  if (!error) console.log(`✓ ${name} (${Date.now() - started} ms)`);
  else {
    console.log(`✗ ${name}: ${error}`);
    if (state.page && !missing.length) await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`);
  }
  return !error;
}

export async function shot(name) {
  if (!state.page) return;
  try {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `ui-${name}.png`);
    await state.page.screenshot({ path: file, timeout: 5_000 });
    log(`screenshot: ${file.replace(ROOT + '/', '')}`);
  } catch (err) {
    log(`screenshot ${name} failed: ${err.message}`);
  }
}

/** Polls `fn` until it returns something truthy; fails with `what` and the last value. */
export async function until(fn, what, timeoutMs = 15_000, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    alive();
    try {
      last = await fn();
      lastError = undefined;
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)?.slice(0, 400)}`;
      fail(`waited ${timeoutMs} ms for ${what}; ${detail}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}


/** 1-based line and column of the character after `needle`'s first occurrence (or its start), and the line's length. */
export function lineColumn(text, needle, { after = false, line } = {}) {
  const lines = text.split(/\r?\n/);
  const from = line ? line - 1 : 0;
  for (let i = from; i < (line ? line : lines.length); i++) {
    const at = lines[i].indexOf(needle);
    if (at >= 0) return { line: i + 1, column: at + (after ? needle.length : 0) + 1, length: lines[i].length };
  }
  throw new Error(`'${needle}' not found${line ? ` on line ${line}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Driving the workbench


/** Opens the command palette or quick open with `key`, types `text`, waits for a row matching `want`, Enter. */
export async function quickPick(key, text, want, what) {
  const page = state.page;
  await keys.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await keys.type(text, { delay: 10 });
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: want }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
    const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts().catch(() => []);
    fail(`${what}: no entry matching ${want} after typing '${text}' (entries: ${JSON.stringify(rows.slice(0, 8))})`);
  });
  // Enter takes the focused row: only once the list has caught up with the text typed.
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').filter({ hasText: want });
  const ready = await focused.first().waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false);
  if (ready) await keys.press('Enter');
  else {
    alive();
    await row.click();
  }
  await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * Puts the cursor at 1-based `line`:`column` with the keyboard: Go to Line (Ctrl+G, the line
 * number), then ArrowRight. (Go to Line's own `line:column` form counts a Hanzi as two
 * columns in VS Code 1.139, so it lands elsewhere on these lines.) Checks the status bar.
 */
export async function moveCursorTo({ line, column }, lineLength) {
  const page = state.page;
  await keys.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await keys.type(String(line));
  await keys.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  // Character by character from the line's start: with word wrap on, End goes to the end of
  // the screen line, not of the text line.
  await keys.press('Home');
  for (let i = 1; i < column; i++) await keys.press('ArrowRight');
  const at = await until(async () => {
    const p = await cursorPosition();
    return p && p.line === line && p.column === column ? p : undefined;
  }, `the status bar to show Ln ${line}, Col ${column}`, 3_000).catch(async (err) => {
    fail(`${err.message} (it shows ${JSON.stringify(await cursorPosition())})`);
  });
  return at;
}

/** Keyboard focus to the editor (View: Focus First Editor Group, Ctrl+1): no click that could land on a widget. */
export async function focusEditor() {
  await keys.press('Control+1');
  await until(
    () => state.page.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor')),
    'the keyboard focus in the editor',
    3_000,
  );
}

export const activeEditor = () => state.page.locator('.editor-group-container.active .monaco-editor').first();

/** The active editor's cursor position as the status bar shows it ("Ln 8, Col 123"). */
export async function cursorPosition() {
  const text = await state.page.locator('[id="status.editor.selection"]').innerText({ timeout: 2_000 }).catch(() => '');
  const m = /Ln\s*(\d+),\s*Col\s*(\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

export async function openFile(name) {
  const page = state.page;
  await quickPick('Control+P', name, name, `quick open ${name}`);
  await until(
    async () => (await page.locator('.editor-group-container.active .tabs-container .tab.active').first().getAttribute('aria-label').catch(() => ''))?.includes(name),
    `the active tab to be ${name}`,
    10_000,
  );
}

/**
 * The rendered text of a line of the active editor (it must be on screen): with word wrap, the
 * screen lines from its number's top to the next number's.
 */
export async function viewLineText(lineNumber) {
  return state.page.evaluate((n) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    const topOf = (k) => {
      const el = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find((e) => e.textContent.trim() === String(k));
      const top = el?.closest('[style*="top"]')?.style.top;
      return top ? parseFloat(top) : undefined;
    };
    const top = topOf(n);
    if (top === undefined) return undefined;
    const next = topOf(n + 1) ?? Infinity;
    const parts = [...editor.querySelectorAll('.view-lines .view-line')]
      .map((v) => ({ top: parseFloat(v.style.top), text: v.textContent.replace(/\u00a0/g, ' ') }))
      .filter((v) => v.top >= top && v.top < next)
      .sort((x, y) => x.top - y.top);
    return parts.map((p) => p.text).join('');
  }, lineNumber);
}

export async function languageShown() {
  return (await state.page.locator('[id="status.editor.mode"]').innerText({ timeout: 1_000 }).catch(() => '')).trim();
}

// ---------------------------------------------------------------------------------------------
// Widgets

export const suggestWidget = () => state.page.locator('.editor-widget.suggest-widget.visible');

/** The suggest widget's rows as shown, top first. */
export async function suggestions() {
  return (await suggestWidget().locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The rows once they have stayed the same for `quietMs` (a list being replaced is no answer). */
export async function settledSuggestions(what, accept = (rows) => rows.length > 0, quietMs = 600, timeoutMs = 10_000) {
  let last = '';
  let since = Date.now();
  const rows = await until(async () => {
    const now = await suggestions();
    const key = JSON.stringify(now);
    if (key !== last) {
      last = key;
      since = Date.now();
    }
    return Date.now() - since >= quietMs && accept(now) ? now : undefined;
  }, what, timeoutMs, 100);
  return rows;
}

/** Closes any widget, undoes `times` edits, and checks the active tab is clean again. */
export async function undoAll(times) {
  await keys.press('Escape');
  for (let i = 0; i < times; i++) await keys.press('Control+Z');
  await until(async () => !(await state.page.locator('.tabs-container .tab.active.dirty').count()), 'the undo to leave the file unchanged (clean tab)', 3_000);
}

/** The texts of the notification toasts on screen. */
export async function notifications() {
  return (await state.page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits for a toast whose text matches `re`; returns its text. */
export async function waitForNotification(re, what, timeoutMs = 10_000) {
  let seen = [];
  return until(async () => (seen = await notifications()).find((t) => re.test(t)), what, timeoutMs).catch(() => fail(`${what}: no notification matching ${re} (shown: ${JSON.stringify(seen)})`));
}

/** Closes every notification toast (Notifications: Clear All). */
export async function clearNotifications() {
  await quickPick('Control+Shift+P', 'Notifications: Clear All Notifications', /Clear All Notifications/, 'command palette');
}

/** Runs a command by typing `text` into the command palette and picking the row matching `want`. */
export async function runCommand(text, want = text) {
  await quickPick('Control+Shift+P', text, want, 'command palette');
}
