// Loads the Word libraries (server/src/vendor/word.ts) on first use only.
// Bundled: dist/word.js beside dist/cli.js and dist/server.js (esbuild.mjs). From source (the
// tests): the vendor module itself. Both names are held in variables so that the bundler
// leaves them for run time and never pulls the libraries into cli.js or server.js.
export type WordLib = typeof import('../vendor/word');

let lib: Promise<WordLib> | undefined;

export function loadWordLib(): Promise<WordLib> {
  return (lib ??= (async () => {
    try {
      const bundled = './word.js';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(bundled) as WordLib;
    } catch {
      const source = '../vendor/word';
      return (await import(/* @vite-ignore */ source)) as WordLib;
    }
  })());
}
