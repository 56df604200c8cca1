/**
 * One file snapshot per generated file, in a tree under test/__snapshots__/<flavour>/, so every
 * template change is a reviewable diff. Review the diff before updating (`vitest -u`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

const SNAPSHOTS = fileURLToPath(new URL('../__snapshots__/', import.meta.url));

for (const iac of ['cdk', 'terraform', 'sam'] as const) {
  describe(`${iac} project snapshot`, () => {
    const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac }));
    const listing = `${files.map((file) => `${file.ownership.padEnd(8)} ${file.path}`).join('\n')}\n`;

    it('lists every generated file with its ownership', async () => {
      await expect(listing).toMatchFileSnapshot(path.join(SNAPSHOTS, iac, 'files.txt'));
    });

    for (const file of files) {
      it(`renders ${file.path}`, async () => {
        await expect(file.contents).toMatchFileSnapshot(path.join(SNAPSHOTS, iac, 'files', `${file.path}.snap`));
      });
    }

    it('keeps no snapshot of a file that is no longer generated', () => {
      const stored = readdirSync(path.join(SNAPSHOTS, iac, 'files'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(path.join(SNAPSHOTS, iac, 'files'), path.join(entry.parentPath, entry.name)));
      expect(stored.sort()).toEqual(files.map((file) => `${file.path}.snap`).sort());
    });
  });
}
