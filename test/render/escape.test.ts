import { describe, expect, it } from 'vitest';
import { code, codes, hcl, sh, text, ts, yaml } from '../../src/render/escape.js';

describe('escaping helpers', () => {
  it('writes TypeScript literals that cannot break out of their string', () => {
    expect(ts('a\'b\\c`${x}"')).toBe("'a\\'b\\\\c`${x}\"'");
    expect(ts(['a', 'b'])).toBe("['a', 'b']");
    expect(ts(7200)).toBe('7200');
    expect(ts(false)).toBe('false');
  });

  it('writes single-quoted strings, escaping line ends, control characters and lone surrogates', () => {
    expect(ts('plain')).toBe("'plain'");
    expect(ts('a\nb\rc\td')).toBe("'a\\nb\\rc\\td'");
    expect(ts('a\u2028b\u2029c')).toBe("'a\\u2028b\\u2029c'");
    expect(ts('\u0000\u001f\u007f')).toBe("'\\u0000\\u001f\\u007f'");
    expect(ts('\ud800 é 😀')).toBe("'\\ud800 é 😀'");
  });

  it('writes strings that JavaScript reads back unchanged', () => {
    const awkward = ["it's", 'back\\slash', 'line\nend', '\u2028\u2029', '${x}`', '\u0000\u007f', '\udc00', '😀', '"'];
    for (const value of awkward) expect(new Function(`return ${ts(value)};`)()).toBe(value);
    expect(new Function(`return ${ts(awkward)};`)()).toEqual(awkward);
  });

  it('writes objects with bare identifier keys and quoted others, and refuses __proto__', () => {
    expect(ts({ a: 'x', 'b-c': ['y'] })).toBe("{ a: 'x', 'b-c': ['y'] }");
    expect(ts({})).toBe('{}');
    expect(() => ts(JSON.parse('{"__proto__": "x"}'))).toThrow(/__proto__/);
  });

  it('writes YAML double-quoted scalars', () => {
    expect(yaml('a: b # c')).toBe('"a: b # c"');
  });

  it('doubles HCL interpolation and directive openers', () => {
    expect(hcl('a/${var.x}')).toBe('"a/$${var.x}"');
    expect(hcl('%{ if true }')).toBe('"%%{ if true }"');
    expect(hcl(['x', 'y'])).toBe('["x", "y"]');
  });

  it('uses HCL escapes only (no JSON \\b or \\f)', () => {
    expect(hcl('a\bb\fc"d\\e\n')).toBe('"a\\u0008b\\u000cc\\"d\\\\e\\n"');
  });

  it('fences Markdown code spans longer than any backtick run inside', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`edge')).toBe('`` `edge ``');
    expect(codes(['a', 'b'])).toBe('`a`, `b`');
  });

  it('escapes Markdown text', () => {
    expect(text('my_service <b>')).toBe('my\\_service \\<b\\>');
  });

  it('quotes shell words only when needed', () => {
    expect(sh('eu-west-1')).toBe('eu-west-1');
    expect(sh("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});
