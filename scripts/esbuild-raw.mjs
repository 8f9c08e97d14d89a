// `import text from './file.json?raw'`: the file's text as a string (the data is parsed on first
// use, not at start-up). Vite, and so vitest, reads `?raw` the same way.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

export const rawPlugin = {
  name: 'raw',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => {
      const spec = args.path.slice(0, -'?raw'.length);
      const path = spec.startsWith('.') ? resolve(args.resolveDir, spec) : createRequire(resolve(args.resolveDir, 'x.js')).resolve(spec);
      return { path, namespace: 'raw' };
    });
    build.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text', resolveDir: dirname(args.path) }));
  },
};
