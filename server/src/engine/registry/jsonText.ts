// A project file's text as a JSON tree, for the loader and for the edits: comments and trailing
// commas allowed, a UTF-8 byte order mark accepted (Windows editors save one), and nesting
// bounded. jsonc-parser recurses once per level, so a file of ten thousand `[` would overflow
// the stack and take every plan under it down with it; such a file is a located fault instead.
import * as jsonc from 'jsonc-parser';

/** Deeper than any project file needs (agencies → entry → aliases is 3), far below the stack's limit. */
export const MAX_JSON_DEPTH = 100;

export interface JsonFault {
  offset: number;
  length: number;
  /** jsonc-parser's code name (InvalidSymbol, …) or why the file was not parsed. */
  error: string;
}

export interface JsonTree {
  root?: jsonc.Node;
  errors: JsonFault[];
  /** Not parsed: nested too deep. */
  tooDeep?: boolean;
}

/** The tree of a project file's text; offsets are the text's own (a BOM is read as a space). Never throws. */
export function parseProjectJson(text: string): JsonTree {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const deep = tooDeepAt(source, MAX_JSON_DEPTH);
  if (deep !== undefined) return { errors: [{ offset: deep, length: 1, error: `嵌套超过 ${MAX_JSON_DEPTH} 层 (nested deeper than ${MAX_JSON_DEPTH} levels)` }], tooDeep: true };
  const errors: jsonc.ParseError[] = [];
  try {
    const root = jsonc.parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
    return { root, errors: errors.map((e) => ({ offset: e.offset, length: e.length, error: jsonc.printParseErrorCode(e.error) })) };
  } catch (e) {
    // Not expected once the depth is bounded; a file is never worth a crash.
    return { errors: [{ offset: 0, length: 1, error: e instanceof Error ? e.message : String(e) }] };
  }
}

/**
 * Where the brackets first nest deeper than `max`, outside strings and comments; undefined when
 * they never do. A closer that does not match stays open (the parser skips it and stays inside).
 */
export function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  const open = new Uint8Array(max + 1);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < n && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === max) return i;
      open[depth++] = c;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0 && open[depth - 1] === c - 2) depth--;
    }
  }
  return undefined;
}

/**
 * The node at `path` as the loader sees it: where an object repeats a key, the last one is in
 * effect (as in JSON.parse and jsonc's getNodeValue), while jsonc's findNodeAtLocation would
 * return the first, the one that is overridden.
 */
export function effectiveNode(root: jsonc.Node, path: (string | number)[]): jsonc.Node | undefined {
  let node: jsonc.Node | undefined = root;
  for (const key of path) {
    if (!node?.children) return undefined;
    if (typeof key === 'number') {
      node = node.type === 'array' ? node.children[key] : undefined;
      continue;
    }
    if (node.type !== 'object') return undefined;
    let found: jsonc.Node | undefined;
    for (const prop of node.children) if (prop.children?.length === 2 && prop.children[0].value === key) found = prop.children[1];
    node = found;
  }
  return node;
}
