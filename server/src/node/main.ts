// The language server as a Node program: `node dist/server.js --stdio` (esbuild.mjs bundles
// this file as dist/server.js). Node's connection, Node's file host, pinyin loaded on first use,
// Word import in a worker (dist/importWorker.js beside this file).
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { PinyinOf } from '../engine';
import { createServer } from '../server';
import { nodeFileHost } from './host';
import { importDocxInWorker } from '../word/importInWorker';

/** dist/pinyin.js, bundled separately (esbuild.mjs) and required on the first completion only. */
function loadPinyin(): PinyinOf {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pinyin } = require('./pinyin.js') as typeof import('pinyin-pro');
  return (s) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
}

const connection = createConnection(ProposedFeatures.all);
createServer(connection, nodeFileHost(), { pinyin: loadPinyin, importDocx: (bytes) => importDocxInWorker(join(__dirname, 'importWorker.js'), bytes) });
connection.listen();
