// pinyin-pro in a file of its own (dist/pinyin.js): the server loads it on the first
// completion, so start-up does not parse its dictionary.
export { pinyin } from 'pinyin-pro';
