// opencc-js ships its dictionaries as modules of one string ("trad simp|trad simp|…") without types.
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}

// `?raw` imports: a file's text (esbuild: scripts/esbuild-raw.mjs; vitest: Vite's own).
declare module '*?raw' {
  const text: string;
  export default text;
}
