// A zh-cn display language for the UI test. VS Code takes a display language only from an
// installed language pack (without one, `--locale zh-cn` falls back to English and extensions
// see `vscode.env.language === 'en'`), and the real pack is not to be had offline. This one
// declares zh-cn with no translations of VS Code itself: the workbench's own words stay English,
// while extensions run exactly as under a Chinese VS Code (vscode.env.language 'zh-cn', their
// package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json). Packaged with vsce, cached.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../common.mjs';

const VERSION = '1.0.0';
export const LANGUAGE_PACK = { id: 'fengong-e2e.fengong-e2e-language-pack-zh-cn', version: VERSION };

export function languagePackVsix(cacheDir) {
  const out = join(cacheDir, `fengong-e2e-language-pack-zh-cn-${VERSION}.vsix`);
  if (existsSync(out)) return out;
  const dir = mkdtempSync(join(tmpdir(), 'fengong-langpack-'));
  try {
    mkdirSync(join(dir, 'translations'));
    const manifest = {
      name: 'fengong-e2e-language-pack-zh-cn',
      displayName: 'zh-cn display language (fengong UI test)',
      description: 'Declares the zh-cn display language, with no translations of VS Code itself.',
      version: VERSION,
      publisher: 'fengong-e2e',
      license: 'MIT',
      engines: { vscode: '^1.91.0' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [{ languageId: 'zh-cn', languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
      },
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(dir, 'translations', 'main.i18n.json'), '{ "version": "1.0.0", "contents": {} }\n');
    writeFileSync(join(dir, 'README.md'), 'A zh-cn display language for the UI test of fengong.\n');
    const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
    mkdirSync(cacheDir, { recursive: true });
    const r = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`packaging the zh-cn language pack failed: ${(r.stdout ?? '') + (r.stderr ?? '')}`);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The server reads the display language's pack from <user-data>/languagepacks.json when it
 * starts, and writes that file only later, once something asks for the installed languages: a
 * first start would be English. So it is written here, as VS Code writes it.
 */
export function writeLanguagePacks(userData, installedFolder, { id, version }) {
  const entry = {
    hash: `${id}-${version}`,
    extensions: [{ extensionIdentifier: { id }, version }],
    translations: { vscode: join(installedFolder, 'translations', 'main.i18n.json') },
    label: '中文(简体)',
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': entry }, null, 2));
}
