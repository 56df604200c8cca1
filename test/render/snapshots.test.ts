/**
 * One file snapshot per generated file, so every template change is a reviewable diff: a file that
 * every flavour generates alike is kept once, under test/__snapshots__/shared/files/, and a file
 * that differs (or only one flavour has) under test/__snapshots__/<flavour>/files/. Review the diff
 * before updating (`vitest -u`). A project that names its GitHub repository gets more files and
 * other versions of a few: those are kept under test/__snapshots__/<flavour>/github-repository/.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/render/render-project.js';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

const SNAPSHOTS = fileURLToPath(new URL('../__snapshots__/', import.meta.url));
const FLAVOURS = ['cdk', 'terraform', 'sam'] as const;
const SHARED = 'shared';
const GITHUB_REPOSITORY = 'acme/orders-api';

const projects = Object.fromEntries(
  FLAVOURS.map((iac) => [iac, renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac }))]),
) as Record<(typeof FLAVOURS)[number], RenderedFile[]>;

/** Paths every flavour generates with the same contents and ownership. */
const shared = new Set(
  projects.cdk
    .filter((file) =>
      FLAVOURS.every((iac) =>
        projects[iac].some(
          (other) => other.path === file.path && other.contents === file.contents && other.ownership === file.ownership,
        ),
      ),
    )
    .map((file) => file.path),
);

/** The snapshot files kept under `folder` (relative, `/`-separated). */
function stored(folder: string): string[] {
  const root = path.join(SNAPSHOTS, folder, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe('files every flavour generates alike', () => {
  for (const file of projects.cdk.filter((candidate) => shared.has(candidate.path))) {
    it(`renders ${file.path}`, async () => {
      await expect(file.contents).toMatchFileSnapshot(path.join(SNAPSHOTS, SHARED, 'files', `${file.path}.snap`));
    });
  }

  it('keeps no shared snapshot of a file that is no longer generated alike', () => {
    expect(stored(SHARED).sort()).toEqual([...shared].map((file) => `${file}.snap`).sort());
  });
});

for (const iac of FLAVOURS) {
  describe(`${iac} project snapshot`, () => {
    const files = projects[iac];
    const own = files.filter((file) => !shared.has(file.path));
    const listing = `${files.map((file) => `${file.ownership.padEnd(8)} ${file.path}`).join('\n')}\n`;

    it('lists every generated file with its ownership', async () => {
      await expect(listing).toMatchFileSnapshot(path.join(SNAPSHOTS, iac, 'files.txt'));
    });

    for (const file of own) {
      it(`renders ${file.path}`, async () => {
        await expect(file.contents).toMatchFileSnapshot(path.join(SNAPSHOTS, iac, 'files', `${file.path}.snap`));
      });
    }

    it('keeps no snapshot of a file that is no longer generated, or that is now shared', () => {
      expect(stored(iac).sort()).toEqual(own.map((file) => `${file.path}.snap`).sort());
    });
  });
}

for (const iac of FLAVOURS) {
  describe(`${iac} project snapshot with --github-repository`, () => {
    const plain = new Map(projects[iac].map((file) => [file.path, file.contents]));
    const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac, githubRepository: GITHUB_REPOSITORY }));
    const changed = files.filter((file) => plain.get(file.path) !== file.contents);
    const folder = path.join(iac, 'github-repository');

    it('adds files and changes others, and removes none', () => {
      expect(projects[iac].filter((file) => !files.some((other) => other.path === file.path))).toEqual([]);
      expect(changed.length).toBeGreaterThan(0);
    });

    for (const file of changed) {
      it(`renders ${file.path}`, async () => {
        await expect(file.contents).toMatchFileSnapshot(path.join(SNAPSHOTS, folder, 'files', `${file.path}.snap`));
      });
    }

    it('keeps no snapshot of a file that no longer differs', () => {
      expect(stored(folder).sort()).toEqual(changed.map((file) => `${file.path}.snap`).sort());
    });
  });
}
