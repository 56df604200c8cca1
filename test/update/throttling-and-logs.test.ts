/**
 * `update` brings throttling and access logs (ref #26, #27) to a project whose record predates
 * them: the answers it lacks take their defaults, and the updated infrastructure holds both.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/render/render-project.js';
import { DEFAULT_BURST_LIMIT, DEFAULT_RATE_LIMIT } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { cdkModel, synthesizeCdk } from '../contract/cdk.js';
import { assertInvariants, writeProject } from '../contract/model.js';
import { terraformFiles, terraformModel } from '../contract/terraform.js';
import { commitAll, fixtureCopy, read, tree, update } from '../helpers/project.js';

const written: string[] = [];
afterAll(() => written.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const recordOf = (dir: string) => JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'];

/** The updated project's infrastructure, reduced to the contract model. */
async function modelOf(dir: string, iac: 'cdk' | 'terraform') {
  const files: RenderedFile[] = Object.entries(tree(dir)).map(([path, contents]) => ({
    path,
    contents,
    ownership: 'managed',
  }));
  if (iac === 'terraform') return terraformModel(terraformFiles(files));
  // Synthesized where this repository's aws-cdk-lib resolves.
  const copy = writeProject(files, 'update-cdk');
  written.push(copy);
  return cdkModel(await synthesizeCdk(copy));
}

describe.each(['cdk', 'terraform'] as const)('update of a %s project recorded without throttling limits', (iac) => {
  it('succeeds, records the default limits, and adds throttling and access logs', async () => {
    const dir = fixtureCopy(iac);
    expect(recordOf(dir).answers).not.toHaveProperty('rateLimit');
    expect(recordOf(dir).answers).not.toHaveProperty('burstLimit');

    const { code, out, err } = await update(dir);
    expect(code, `${out}${err}`).toBe(0);

    const { answers } = recordOf(dir);
    expect(answers).toMatchObject({ rateLimit: DEFAULT_RATE_LIMIT, burstLimit: DEFAULT_BURST_LIMIT });
    const model = await modelOf(dir, iac);
    expect(model.throttling).toEqual({ rateLimit: DEFAULT_RATE_LIMIT, burstLimit: DEFAULT_BURST_LIMIT });
    expect(Object.values(model.accessLog.format)).toContain('$context.authorizer.error');
    assertInvariants(model, parseAnswers(answers));
  });

  it('then takes new limits from --rate-limit and --burst-limit, everywhere they are used', async () => {
    const dir = fixtureCopy(iac);
    expect((await update(dir)).code).toBe(0);
    commitAll(dir, 'updated');
    const { code, err } = await update(dir, '--rate-limit', '500', '--burst-limit', '1000');
    expect(code, err).toBe(0);
    expect(recordOf(dir).answers).toMatchObject({ rateLimit: 500, burstLimit: 1000 });
    expect(read(dir, 'src/api.ts')).toContain(
      'export const throttling = {\n  rateLimit: 500,\n  burstLimit: 1000,\n};',
    );
    expect((await modelOf(dir, iac)).throttling).toEqual({ rateLimit: 500, burstLimit: 1000 });
  });

  it("refuses a limit of 0 with the schema's message, writing nothing", async () => {
    const dir = fixtureCopy(iac);
    const before = tree(dir);
    const { code, err } = await update(dir, '--burst-limit', '0');
    expect(code).toBe(1);
    expect(err).toMatch(/^--burst-limit "0" is 0, which answers every request with 429 Too Many Requests\./m);
    expect(tree(dir)).toEqual(before);
  });
});
