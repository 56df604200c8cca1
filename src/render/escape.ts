/**
 * Escaping helpers: the only way answers reach templates. Each turns a value into a literal of
 * its target language, so no answer can break out of a string or inject code.
 */

export type Literal = string | number | boolean | null | readonly Literal[] | { readonly [key: string]: Literal };

/**
 * TypeScript / JavaScript literal, in the generated code's style: strings single-quoted, arrays
 * and objects written out with spaces.
 */
export function ts(value: Literal): string {
  if (typeof value === 'string') return tsString(value);
  if (Array.isArray(value)) return `[${value.map((item) => ts(item)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${tsKey(key)}: ${ts(item)}`);
    return entries.length > 0 ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** A property name: bare when an identifier; `__proto__` would set the prototype, so it is refused. */
export function tsKey(key: string): string {
  if (key === '__proto__') throw new Error('not a safe property name: "__proto__"');
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key);
}

/** Escapes in a single-quoted string; anything else below U+0020, DEL and lone surrogates as \uXXXX. */
const TS_ESCAPES: Record<string, string> = { "'": "\\'", '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function tsString(value: string): string {
  let out = "'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (TS_ESCAPES[char]) out += TS_ESCAPES[char];
    // U+2028 and U+2029 end a line in older JavaScript parsers and in many editors.
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || surrogate)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

/** JSON literal, pretty-printed when `indent` is given. */
export function json(value: Literal, indent?: number): string {
  return JSON.stringify(value, null, indent);
}

/** YAML flow literal: YAML 1.2 double-quoted scalars and flow collections accept JSON. */
export function yaml(value: Literal): string {
  return Array.isArray(value) ? `[${value.map((item) => yaml(item)).join(', ')}]` : JSON.stringify(value);
}

/**
 * HCL literal. Strings get HCL's own escapes (no `\b` or `\f`, which JSON would write) and
 * `${` / `%{` are doubled so that Terraform does not read them as interpolation or directives.
 */
export function hcl(value: Literal): string {
  if (typeof value === 'string') return hclString(value);
  if (Array.isArray(value)) return `[${value.map((item) => hcl(item)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${hclString(key)} = ${hcl(item)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function hclString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out.replace(/([$%])\{/g, '$1$1{')}"`;
}

/** Markdown inline code span that holds any text: the fence is longer than any run inside. */
export function code(value: string | number): string {
  const raw = String(value);
  const longest = Math.max(0, ...(raw.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = raw.startsWith('`') || raw.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${raw}${pad}${fence}`;
}

/** A comma-separated list of Markdown code spans. */
export function codes(values: readonly string[]): string {
  return values.map((value) => code(value)).join(', ');
}

/** Markdown text: characters with a meaning in Markdown or HTML are backslash-escaped. */
export function text(value: string): string {
  return value.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

/** POSIX shell word: bare when it holds only safe characters, else single-quoted. */
export function sh(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** An identifier (logical id, resource name) of letters and digits, checked rather than escaped. */
export function id(value: string): string {
  if (!/^[A-Za-z][A-Za-z\d]*$/.test(value)) throw new Error(`not an identifier: ${JSON.stringify(value)}`);
  return value;
}

export const escapers = { ts, json, yaml, hcl, code, codes, text, sh, id };
