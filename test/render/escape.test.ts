import { describe, expect, it } from 'vitest';
import { code, codes, hcl, sh, text, ts, yaml } from '../../src/render/escape.js';

describe('escaping helpers', () => {
  it('writes TypeScript literals that cannot break out of their string', () => {
    expect(ts('a"b\\c`${x}')).toBe('"a\\"b\\\\c`${x}"');
    expect(ts(['a', 'b'])).toBe('["a", "b"]');
    expect(ts(7200)).toBe('7200');
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
