/**
 * TypeScript whose length the answers decide (origins, scopes, routes, the package name), laid out as
 * the generated project's formatter lays it out: Biome with the generated biome.json (120 columns,
 * trailing commas). So a project passes its own `npm run lint` as generated, whatever the answers.
 */
import { type Literal, ts, tsKey } from './escape.js';

/** `formatter.lineWidth` of templates/base/biome.json. */
export const LINE_WIDTH = 120;
const INDENT = '  ';

type LiteralObject = { readonly [key: string]: Literal };

const isObject = (value: Literal): value is LiteralObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const sizeOf = (value: Literal): number =>
  Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0;

/**
 * An array of two or more objects (or arrays) of two or more entries each is written one item a line
 * even where it would fit on one: Biome follows Prettier's rule.
 */
function breaksAlways(items: readonly Literal[]): boolean {
  const kind = (item: Literal) => (Array.isArray(item) ? 'array' : isObject(item) ? 'object' : 'other');
  return (
    items.length > 1 &&
    items.every((item) => kind(item) !== 'other' && kind(item) === kind(items[0]!) && sizeOf(item) > 1)
  );
}

/**
 * A property whose string value does not fit moves the value to the next line, unless its key is shorter
 * than five characters (Prettier's rule, which Biome follows: the break would gain too little).
 */
function breaksAfter(head: string): boolean {
  const key = /^\s*(\S+): $/.exec(head)?.[1];
  return key !== undefined && key.length >= 5;
}

/**
 * `head`, then `value` as a TypeScript literal (see `ts`), then `tail`: on one line where it fits;
 * else an array one item a line, an object one property a line, and a property's string on the next line.
 * `head` starts with the line's indentation, e.g. `tsLine('  allowOrigins: ', origins, ' as readonly string[],')`.
 */
export function tsLine(head: string, value: Literal, tail = ''): string {
  const indent = /^ */.exec(head)![0];
  const flat = `${head}${ts(value)}${tail}`;
  const fits = flat.length <= LINE_WIDTH;
  if (Array.isArray(value) && value.length > 0 && (!fits || breaksAlways(value))) {
    const items = value.map((item) => tsLine(`${indent}${INDENT}`, item, ','));
    return [`${head}[`, ...items, `${indent}]${tail}`].join('\n');
  }
  if (isObject(value) && sizeOf(value) > 0 && !fits) {
    const properties = Object.entries(value).map(([key, item]) =>
      tsLine(`${indent}${INDENT}${tsKey(key)}: `, item, ','),
    );
    return [`${head}{`, ...properties, `${indent}}${tail}`].join('\n');
  }
  if (typeof value === 'string' && !fits && breaksAfter(head)) {
    return `${head.trimEnd()}\n${indent}${INDENT}${ts(value)}${tail}`;
  }
  return flat;
}
