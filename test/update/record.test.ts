/** The .yo-rc.json a generation writes: its record under the package's key, other keys kept. */
import { describe, expect, it } from 'vitest';
import { recordOf, yoRcWith } from '../../src/update/record.js';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { PACKAGE_NAME } from '../../src/version.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

const answers = parseAnswers(EXAMPLE_INPUT);
const { record } = recordOf(answers, renderProject(answers));

describe('yoRcWith', () => {
  it("keeps other generators' settings", () => {
    expect(JSON.parse(yoRcWith('{ "generator-other": { "x": 1 } }', record))).toEqual({
      'generator-other': { x: 1 },
      [PACKAGE_NAME]: record,
    });
  });

  it('keeps nothing of a file that holds no JSON object', () => {
    for (const existing of [undefined, '', '{ broken', '[1, 2]', 'null', '"text"']) {
      expect(JSON.parse(yoRcWith(existing, record)), String(existing)).toEqual({ [PACKAGE_NAME]: record });
    }
  });
});
