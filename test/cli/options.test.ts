import { describe, expect, it } from 'vitest';
import { ALL_FLAGS, closestFlag, helpText, parseCommandLine } from '../../src/fronts/cli/options.js';
import { FlagUsageError, UnknownFlagError } from '../../src/errors.js';
import { widthOf } from '../../src/fronts/cli/wrap.js';
import { ANSWER_FIELDS } from '../../src/schema/answers.js';
import { flagOf } from '../../src/schema/rules.js';

describe('parseCommandLine', () => {
  it('reads a folder, values, repeated and comma-separated lists, and short flags', () => {
    expect(
      parseCommandLine([
        'svc',
        '--region',
        'eu-west-1',
        '--origins',
        'https://a.example.com,https://b.example.com',
        '--origins=https://c.example.com',
        '-y',
      ]),
    ).toEqual({
      positionals: ['svc'],
      values: {
        region: 'eu-west-1',
        origins: ['https://a.example.com,https://b.example.com', 'https://c.example.com'],
        yes: true,
      },
    });
  });

  it('refuses an unknown flag, suggesting the closest', () => {
    expect(() => parseCommandLine(['--user-pool'])).toThrow(new UnknownFlagError('--user-pool', '--user-pool-id'));
    expect(() => parseCommandLine(['--regoin', 'x'])).toThrow('Unknown flag --regoin. Did you mean --region?');
    expect(() => parseCommandLine(['-q'])).toThrow(UnknownFlagError);
  });

  it('refuses a value flag without its value, rather than taking the next flag as the value', () => {
    expect(() => parseCommandLine(['--region', '--client-id', 'x'])).toThrow(
      new FlagUsageError('--region needs a value. Expected e.g. --region eu-west-1.'),
    );
    expect(() => parseCommandLine(['--iac'])).toThrow(FlagUsageError);
  });

  it('refuses an empty value, but for a list, where it means none', () => {
    for (const argv of [['--iac='], ['--client-id', ''], ['--region', ' '], ['--issuer=']]) {
      expect(() => parseCommandLine(argv), argv.join(' ')).toThrow(
        /^--(iac|client-id|region|issuer) needs a value, but got "\s*"\. Expected e\.g\. --\S+ .*, or leave the flag out\.$/,
      );
    }
    expect(parseCommandLine(['--scopes', '']).values.scopes).toEqual(['']);
  });

  it('refuses a value on a boolean flag and a single-value flag given twice', () => {
    expect(() => parseCommandLine(['--force=yes'])).toThrow(
      '--force takes no value but true or false, and got "yes". Expected --force alone, or --force=false.',
    );
    expect(() => parseCommandLine(['--region', 'a', '--region', 'b'])).toThrow(/--region is given twice/);
  });

  it('reads --no-<flag> as a boolean flag turned off', () => {
    expect(parseCommandLine(['--no-verify']).values).toEqual({ verify: false });
    expect(() => parseCommandLine(['--no-verify=true'])).toThrow(/--no-verify takes no value/);
    // Only boolean flags have a negation.
    expect(() => parseCommandLine(['--no-region'])).toThrow(UnknownFlagError);
  });

  it('treats everything after -- as folders', () => {
    expect(parseCommandLine(['--', '--odd-folder']).positionals).toEqual(['--odd-folder']);
  });
});

describe('flags', () => {
  it('has a flag for every answer of the schema', () => {
    const names = ALL_FLAGS.map((flag) => `--${flag.name}`);
    for (const field of ANSWER_FIELDS) expect(names).toContain(flagOf(field));
  });

  it('suggests nothing for a flag unlike any other', () => {
    expect(closestFlag('--zzzzzzzzzz')).toBeUndefined();
  });

  it('documents every flag, its allowed values and a full example in --help', () => {
    const help = helpText('1.2.3');
    for (const flag of ALL_FLAGS) expect(help).toContain(`--${flag.name}`);
    expect(help).toContain('<cdk|terraform|sam>');
    // The example is one command, continued over lines with " \\".
    expect(help.replace(/ \\\n +/g, ' ')).toMatch(
      /npm create cognito-jwt-api@latest my-service -- --region eu-west-1 --user-pool-id \S+ --client-id \S+ --origins \S+ --yes/,
    );
  });
});

describe('--help layout', () => {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);

  it.each([80, 60, 120])('fits %i columns, breaking lines only between words', (width) => {
    const help = helpText('1.2.3', width);
    // Only a word longer than a line (a URL) may pass the width, alone on its line.
    for (const line of help.split('\n')) if (line.length > width) expect(words(line), line).toHaveLength(1);
    const tokens = new Set(words(help));
    for (const flag of ALL_FLAGS) for (const word of words(flag.description)) expect(tokens, word).toContain(word);
  });

  it('fits 80 columns entirely', () => {
    const long = helpText('1.2.3', 80)
      .split('\n')
      .filter((line) => line.length > 80);
    expect(long).toEqual([]);
  });

  it('fits 80 columns when the terminal width is unknown or absurd', () => {
    expect(widthOf(undefined)).toBe(80);
    expect(widthOf(10)).toBe(80);
    expect(widthOf(132)).toBe(132);
  });
});

describe('README', () => {
  it('documents every flag in its flag table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Flags'), readme.indexOf('## What you get'));
    for (const flag of ALL_FLAGS) expect(table, flag.name).toContain(`\`--${flag.name}\``);
  });
});
