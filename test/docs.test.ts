/**
 * The README stays a user's page (the command first, at most 250 lines, the two set-up commands),
 * and every relative link in it, in docs/ and in CONTRIBUTING.md resolves to a file of this
 * repository (and an anchor, when it names one, to a heading of that file).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  ...readdirSync(path.join(ROOT, 'docs')).map((file) => `docs/${file}`),
];
const read = (page: string) => readFileSync(path.join(ROOT, page), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');

/** Relative links outside code blocks: [text](target). */
function linksOf(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

describe('README', () => {
  const readme = read('README.md');

  it('is at most 250 lines, with npm create in its first code block', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    const firstBlock = /^```sh\n([\s\S]*?)^```/m.exec(readme)![1]!;
    expect(firstBlock).toMatch(/^npm create cognito-jwt-api@latest /m);
  });

  it('keeps the two set-up commands: run from a fresh clone, run the tests', () => {
    expect(readme).toMatch(/^npm ci && npm start -- my-service .+ --yes$/m);
    expect(readme).toMatch(/^npm test$/m);
  });
});

describe.each(PAGES)('%s', (page) => {
  it('links only to files and headings that exist', () => {
    for (const link of linksOf(read(page))) {
      const [target, anchor] = link.split('#') as [string, string | undefined];
      const file = target ? path.resolve(path.dirname(path.join(ROOT, page)), target) : path.join(ROOT, page);
      expect(existsSync(file), `${page} → ${link}`).toBe(true);
      if (anchor && file.endsWith('.md')) {
        const headings = [...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gm)].map((match) => anchorOf(match[1]!));
        expect(headings, `${page} → ${link}`).toContain(anchor);
      }
    }
  });
});
