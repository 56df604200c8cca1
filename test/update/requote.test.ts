/**
 * Projects generated before generated TypeScript was single-quoted: a route the user added beside
 * the template's own routes merges cleanly, though every string literal of the file changed quotes.
 */
import { describe, expect, it } from 'vitest';
import { mergeText } from '../../src/update/merge.js';
import { alignQuotes, singleQuoted } from '../../src/update/requote.js';
import { commitAll, currentRender, fixtureCopy, read, update, write } from '../helpers/project.js';

const ORDERS = '  { method: "POST", path: "/orders", handler: "orders" },\n';

describe('quotes of an earlier generation', () => {
  it('single-quotes string literals only, leaving comments, templates and strings holding a quote', () => {
    const source = 'import x from "y";\n// a "quoted" word\nconst a = ["b", `c"d`, "it\'s"];\n';
    expect(singleQuoted(source)).toBe('import x from \'y\';\n// a "quoted" word\nconst a = [\'b\', `c"d`, "it\'s"];\n');
  });

  it('aligns base and yours only for a TypeScript file whose base is double-quoted and whose new output is not', () => {
    const base = 'const a = "b";\n';
    const next = "const a = 'b';\n";
    expect(alignQuotes('src/api.ts', base, base, next)).toEqual([next, next]);
    expect(alignQuotes('README.md', base, base, next)).toEqual([base, base]);
    expect(alignQuotes('src/api.ts', base, base, base)).toEqual([base, base]);
    expect(alignQuotes('src/api.ts', next, base, next)).toEqual([next, base]);
  });

  it('merges a line you added beside lines whose quotes the template changed, without a conflict', () => {
    const base = 'export const routes = [\n  { method: "GET", path: "/me", handler: "me" },\n];\n';
    const yours = base.replace('];', `${ORDERS.trimEnd()}\n];`);
    const next =
      "export const routes = [\n  { method: 'GET', path: '/me', handler: 'me' },\n  { method: 'POST', path: '/orders', handler: 'orders' },\n];\n";
    expect(mergeText(base, yours, next).conflict).toBe(true);
    expect(mergeText(...alignQuotes('src/api.ts', base, yours, next), next)).toEqual({
      contents: next,
      conflict: false,
    });
  });

  it.each(['cdk', 'terraform'] as const)(
    'update keeps a route added to a previous-version %s project, without a conflict',
    async (iac) => {
      const dir = fixtureCopy(iac);
      const api = read(dir, 'src/api.ts')!;
      write(
        dir,
        'src/api.ts',
        api.replace(
          '  { method: "GET", path: "/me", handler: "me" },\n',
          `  { method: "GET", path: "/me", handler: "me" },\n${ORDERS}`,
        ),
      );
      write(dir, 'src/handlers/orders.ts', read(dir, 'src/handlers/me.ts')!);
      commitAll(dir, 'a route of ours');

      const { code, out } = await update(dir);
      expect(code, out).toBe(0);
      expect(out).not.toMatch(/conflict/);
      const next = currentRender(dir, {}, { routes: [{ method: 'POST', path: '/orders', handler: 'orders' }] });
      expect(read(dir, 'src/api.ts')).toBe(next.find((file) => file.path === 'src/api.ts')!.contents);
      expect(read(dir, 'src/api.ts')).toContain("{ method: 'POST', path: '/orders', handler: 'orders' }");
    },
  );
});
