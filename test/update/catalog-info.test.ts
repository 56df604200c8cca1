/**
 * catalog-info.yaml under `update`: the user's file, in which only the template version annotation
 * and spec.scaffoldedFrom are kept current, byte for byte around them.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CATALOG_INFO_PATH, planCatalogInfo, updateCatalogInfo } from '../../src/update/catalog-info.js';
import type { PlanEntry } from '../../src/update/plan.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { commitAll, fixtureCopy, read, update, write } from '../helpers/project.js';

const VALUES = { templateVersion: '0.2.0', scaffoldedFrom: 'template:platform/cognito-jwt-api' };

/** As the Backstage action generated it, then edited by its team: owner, tags, a comment, a link. */
const EDITED = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-api
  # Our team keeps this description current.
  description: Orders, behind the shop's user pool
  annotations:
    backstage.io/source-template: template:default/cognito-jwt-api
    backstage.io/template-version: 0.1.0
    github.com/project-slug: acme/orders-api
  tags: [aws, cognito, orders]
spec:
  type: service
  lifecycle: production
  owner: group:default/orders-team
  providesApis:
    - orders-api
  scaffoldedFrom: template:default/cognito-jwt-api
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
  annotations:
    backstage.io/template-version: '0.1.0'
spec:
  type: openapi
  owner: group:default/orders-team
  scaffoldedFrom: "template:default/cognito-jwt-api"
  definition: |
    openapi: 3.0.3
`;

describe('updateCatalogInfo', () => {
  it('replaces the template version and spec.scaffoldedFrom in each entity, and not one other byte', () => {
    const { contents, changed, notes } = updateCatalogInfo(EDITED, VALUES);
    expect(contents).toBe(
      EDITED.replace('template-version: 0.1.0', 'template-version: 0.2.0')
        .replace("template-version: '0.1.0'", "template-version: '0.2.0'")
        .replace(
          'scaffoldedFrom: template:default/cognito-jwt-api',
          'scaffoldedFrom: template:platform/cognito-jwt-api',
        )
        .replace(
          'scaffoldedFrom: "template:default/cognito-jwt-api"',
          'scaffoldedFrom: "template:platform/cognito-jwt-api"',
        ),
    );
    // The annotation the scaffolder's own catalog tooling reads is not this update's to change.
    expect(contents).toContain('backstage.io/source-template: template:default/cognito-jwt-api');
    expect(changed).toEqual([
      'the backstage.io/template-version annotation of Component orders-api: 0.1.0 → 0.2.0',
      'spec.scaffoldedFrom of Component orders-api: template:default/cognito-jwt-api → ' +
        'template:platform/cognito-jwt-api',
      'the backstage.io/template-version annotation of API orders-api: 0.1.0 → 0.2.0',
      'spec.scaffoldedFrom of API orders-api: template:default/cognito-jwt-api → template:platform/cognito-jwt-api',
    ]);
    expect(notes).toEqual([]);
  });

  it("keeps spec.scaffoldedFrom as the file has it when no template reference is given (the command line's case)", () => {
    const { contents } = updateCatalogInfo(EDITED, { templateVersion: '0.2.0' });
    expect(contents).toContain('scaffoldedFrom: template:default/cognito-jwt-api\n');
    expect(contents).toContain('scaffoldedFrom: "template:default/cognito-jwt-api"\n');
    expect(contents).toContain('backstage.io/template-version: 0.2.0\n');
  });

  it('quotes a new version that would read back as a number, and writes a block scalar as a quoted one', () => {
    const text = 'metadata:\n  annotations:\n    backstage.io/template-version: |\n      0.1.0\nspec:\n  owner: me\n';
    const { contents } = updateCatalogInfo(text, { templateVersion: '1.0' });
    expect(contents).toBe('metadata:\n  annotations:\n    backstage.io/template-version: "1.0"\nspec:\n  owner: me\n');
    expect(parseAllDocuments(contents!).map((document) => document.toJS())).toEqual([
      { metadata: { annotations: { 'backstage.io/template-version': '1.0' } }, spec: { owner: 'me' } },
    ]);
  });

  it('leaves a value you removed removed: only values an entity still has are kept current', () => {
    const withoutAnnotation = EDITED.replace('    backstage.io/template-version: 0.1.0\n', '');
    const { contents } = updateCatalogInfo(withoutAnnotation, VALUES);
    const [component] = parseAllDocuments(contents!).map((document) => document.toJS());
    expect(component.metadata.annotations).toEqual({
      'backstage.io/source-template': 'template:default/cognito-jwt-api',
      'github.com/project-slug': 'acme/orders-api',
    });
    expect(component.spec.scaffoldedFrom).toBe(VALUES.scaffoldedFrom);
  });

  it('leaves a catalog file written by hand alone, saying nothing: it carries neither value', () => {
    const handWritten = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: legacy\nspec: {}\n';
    expect(updateCatalogInfo(handWritten, VALUES)).toEqual({ changed: [], notes: [], tracked: false });
    expect(updateCatalogInfo('', VALUES)).toEqual({ changed: [], notes: [], tracked: false });
    expect(updateCatalogInfo('# nothing yet\n', VALUES)).toEqual({ changed: [], notes: [], tracked: false });
  });

  it('leaves a file that is not YAML it can read alone, with a note, and never throws', () => {
    const broken = `${EDITED}\nspec: [unclosed\n`;
    const result = updateCatalogInfo(broken, VALUES);
    expect(result.contents).toBeUndefined();
    expect(result.notes).toEqual([
      expect.stringMatching(/^catalog-info\.yaml: not YAML this update can read \(.+\); left as it is$/),
    ]);
    const duplicated = 'metadata:\n  annotations:\n    backstage.io/template-version: 0.1.0\nmetadata: {}\n';
    expect(updateCatalogInfo(duplicated, VALUES).contents).toBeUndefined();
  });

  it('leaves a file of nested aliases (a "billion laughs") alone at once, with a note: a cloned file may be planted', () => {
    // Nine levels of nine aliases each: 9^9 strings, were the aliases expanded.
    const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const aliases = `*l${level - 1}, `.repeat(9).slice(0, -2);
      levels.push(`l${level}: &l${level} [${aliases}]`);
    }
    const bomb = `${EDITED.split('---')[0]}x-laughs:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
    const started = Date.now();
    const result = updateCatalogInfo(bomb, VALUES);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.contents).toBeUndefined();
    expect(result.notes).toEqual([
      expect.stringMatching(/^catalog-info\.yaml: not YAML this update can read \(.*alias.*\); left as it is$/i),
    ]);
  });

  it('changes nothing in a file whose values are current', () => {
    const current = updateCatalogInfo(EDITED, VALUES).contents!;
    expect(updateCatalogInfo(current, VALUES)).toEqual({ changed: [], notes: [], tracked: true });
  });

  it('keeps CRLF line ends and comments on the lines it changes, and numbers an entity without a name', () => {
    const text = 'metadata:\r\n  annotations:\r\n    backstage.io/template-version: 0.1.0 # bumped by update\r\n';
    const { contents, changed } = updateCatalogInfo(text, VALUES);
    expect(contents).toBe(
      'metadata:\r\n  annotations:\r\n    backstage.io/template-version: 0.2.0 # bumped by update\r\n',
    );
    expect(changed).toEqual(['the backstage.io/template-version annotation of entity 1: 0.1.0 → 0.2.0']);
  });
});

describe('planCatalogInfo', () => {
  const plan = (): PlanEntry[] =>
    ['README.md', 'src/api.ts'].map((file) => ({ path: file, action: 'unchanged', reason: '', ownership: 'managed' }));

  it('adds an update of the file, as a file of yours, in path order', () => {
    const entries = plan();
    planCatalogInfo(entries, () => EDITED, VALUES);
    expect(entries.map((entry) => entry.path)).toEqual(['README.md', CATALOG_INFO_PATH, 'src/api.ts']);
    expect(entries[1]).toMatchObject({ action: 'update', ownership: 'sample', current: EDITED });
    expect(entries[1]!.reason).toMatch(/^your catalog entities, where only these change: the backstage\.io/);
  });

  it('adds nothing for a project without the file, or with one that carries neither value', () => {
    for (const contents of [undefined, 'kind: Component\n']) {
      const entries = plan();
      expect(planCatalogInfo(entries, () => contents, VALUES)).toEqual({ notes: [] });
      expect(entries).toEqual(plan());
    }
  });
});

describe('update of a project with catalog-info.yaml', () => {
  it('brings the template version annotation to this version, and keeps every edit of the file', async () => {
    const dir = fixtureCopy('cdk');
    const older = EDITED.replaceAll('0.1.0', '0.0.9');
    expect(older).not.toBe(EDITED);
    write(dir, CATALOG_INFO_PATH, older);
    commitAll(dir, 'created through Backstage, then edited');

    const { code, out } = await update(dir);

    expect(code, out).toBe(0);
    expect(out).toMatch(/update +catalog-info\.yaml +\(your catalog entities, where only these change: /);
    expect(read(dir, CATALOG_INFO_PATH)).toBe(
      older
        .replace('template-version: 0.0.9', `template-version: ${PACKAGE_VERSION}`)
        .replace("template-version: '0.0.9'", `template-version: '${PACKAGE_VERSION}'`),
    );
  });

  it('leaves a hand-written catalog file and a linked one as they are, and still updates the project', async () => {
    const handWritten = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: legacy\n';
    for (const place of ['file', 'link'] as const) {
      const dir = fixtureCopy('terraform');
      if (place === 'file') write(dir, CATALOG_INFO_PATH, handWritten);
      else {
        writeFileSync(path.join(dir, 'elsewhere.yaml'), EDITED);
        symlinkSync('elsewhere.yaml', path.join(dir, CATALOG_INFO_PATH));
      }
      commitAll(dir, 'catalog file');

      const { code, out } = await update(dir);

      expect(code, out).toBe(0);
      expect(out).not.toMatch(/ catalog-info\.yaml +\(/);
      expect(read(dir, CATALOG_INFO_PATH)).toBe(place === 'file' ? handWritten : EDITED);
      if (place === 'link') expect(out).toContain('note: catalog-info.yaml: a symbolic link');
    }
  });
});
