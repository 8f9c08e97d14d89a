// opencc-js ships its dictionaries as modules of one string ("trad simp|trad simp|…") without types.
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
