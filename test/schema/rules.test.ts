import { describe, expect, it } from 'vitest';
import {
  checkClientId,
  checkPackageName,
  checkRegion,
  checkScope,
  checkUserPoolId,
  flagOf,
  normaliseOrigin,
  ORIGIN_PATTERN,
  splitList,
} from '../../src/schema/rules.js';

describe('region rule', () => {
  it.each(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'eu-central-2', 'il-central-1', 'ca-west-1'])(
    'accepts %s',
    (region) => expect(checkRegion(region)).toBeUndefined(),
  );
  it.each(['useast1', 'US-EAST-1', 'us-east', 'us-east-1a', 'eu_west_1', '', 'us-east-1 ', 'x-east-1'])(
    'refuses %j',
    (region) => expect(checkRegion(region)).toBe('is not an AWS region code'),
  );
  it('refuses the China partition, whose issuer domain differs', () => {
    expect(checkRegion('cn-north-1')).toMatch(/China partition/);
    expect(checkRegion('eusc-de-east-1')).toMatch(/European Sovereign Cloud, whose Cognito issuer/);
    expect(checkRegion('us-isob-east-1')).toMatch(/isolated \(ISO\) partition/);
    expect(checkRegion('us-iso-east-1')).toMatch(/isolated \(ISO\) partition/);
    expect(checkRegion('eu-isoe-west-1')).toMatch(/isolated \(ISO\) partition/);
    expect(checkUserPoolId('eusc-de-east-1_AbC')).toMatch(/European Sovereign Cloud/);
    expect(checkUserPoolId('us-isob-east-1_AbC')).toMatch(/isolated \(ISO\) partition/);
    expect(checkUserPoolId('cn-north-1_AbC')).toMatch(/China partition/);
  });
});

describe('user pool id rule (ref #23)', () => {
  it.each(['eu-west-1_AbCdEfGhI', 'us-gov-west-1_abc123', 'ap-southeast-2_Z'])('accepts %s', (id) =>
    expect(checkUserPoolId(id)).toBeUndefined(),
  );
  it.each(['eu-west-1', 'eu-west-1_', '_AbC', 'local_abc', 'eu-west-1_Ab-C', 'eu-west-1_Ab C'])('refuses %j', (id) =>
    expect(checkUserPoolId(id)).toBe('is not a Cognito user pool id'),
  );
  it('refuses ids longer than 55 characters', () => {
    expect(checkUserPoolId(`eu-west-1_${'a'.repeat(46)}`)).toBe('is not 1-55 characters long');
    expect(checkUserPoolId(`eu-west-1_${'a'.repeat(45)}`)).toBeUndefined();
  });
});

describe('client id rule (ref #23)', () => {
  it.each(['1example23456789abcdefghij', 'a', 'with_underscore', 'plus+sign', 'x'.repeat(128)])('accepts %s', (id) =>
    expect(checkClientId(id)).toBeUndefined(),
  );
  it.each(['', 'has space', 'dash-ed', 'quote"', 'x'.repeat(129)])('refuses %j', (id) =>
    expect(checkClientId(id)).toBe('is not a Cognito app client id'),
  );
});

describe('package name rule', () => {
  it.each(['my-service', '@acme/orders-api', 'a.b_c~d', 'x'])('accepts %s', (name) =>
    expect(checkPackageName(name)).toBeUndefined(),
  );
  it.each(['My-Service', 'has space', '.hidden', '_private', '@scope', 'a/b'])('refuses %j', (name) =>
    expect(checkPackageName(name)).toBe('is not a valid npm package name'),
  );
  it('refuses names longer than 214 characters', () => {
    expect(checkPackageName('a'.repeat(215))).toBe('is longer than 214 characters');
  });
});

describe('scope rule', () => {
  it.each([
    'openid',
    'email',
    'aws.cognito.signin.user.admin',
    'orders-api/read',
    'https://api.example.com/orders.write',
  ])('accepts %s', (scope) => expect(checkScope(scope)).toBeUndefined());
  it('accepts a resource server identifier that holds "/" (the scope name may not)', () => {
    expect(checkScope('https://api.example.com/v1/read')).toBeUndefined();
  });
  it.each(['read', 'orders-api/', '/read', 'orders-api/read/'])('refuses %j as not a scope', (scope) =>
    expect(checkScope(scope)).toMatch(/neither a standard scope/),
  );
  it.each(['orders api/read', 'orders-api/"read"', "it's/read", 'a\\b/c', 'a,b/c'])(
    'refuses %j for its characters',
    (scope) => expect(checkScope(scope)).toMatch(/whitespace, a quote, a comma or a backslash/),
  );
});

describe('origin normalisation (ref #17)', () => {
  it.each([
    ['https://app.example.com', 'https://app.example.com'],
    ['https://App.Example.COM/', 'https://app.example.com'],
    ['HTTPS://app.example.com:443', 'https://app.example.com'],
    ['https://app.example.com:8443', 'https://app.example.com:8443'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['  https://padded.example.com  ', 'https://padded.example.com'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('normalises %j to %j', (raw, origin) => expect(normaliseOrigin(raw)).toEqual({ origin }));

  it.each([
    ['app.example.com', /no scheme/],
    ['ftp://files.example.com', /scheme "ftp"/],
    ['https://user:pass@app.example.com', /credentials/],
    ['https://app.example.com/app', /path "\/app"/],
    ['https://app.example.com?x=1', /query/],
    ['https://app.example.com/?', /query/],
    ['https://app.example.com#top', /fragment/],
    ['http://app.example.com', /uses http/],
    ['http://0.0.0.0:3000', /uses http/],
    ['https://*.example.com', /wildcard/],
    ['https://', /not a valid URL/],
    ['https://a..example.com', /not one of dot-separated labels/],
    ['https://-a.example.com', /not one of dot-separated labels/],
  ])('refuses %j', (raw, problem) => {
    const result = normaliseOrigin(raw);
    expect('problem' in result && result.problem).toMatch(problem);
  });

  it(
    'gives the templates a pattern that refuses what a browser never sends: default ports, empty or dash-edged ' +
      'labels',
    () => {
      for (const origin of [
        'https://app.example.com',
        'https://app.example.com:8443',
        'https://a.example.com:4430',
        'http://localhost:5173',
        'https://[::1]',
      ]) {
        expect(ORIGIN_PATTERN.test(origin), origin).toBe(true);
      }
      for (const origin of [
        'https://app.example.com:443',
        'https://app.example.com:0443',
        'https://app.example.com:0',
        'http://localhost:80',
        'http://localhost:080',
        'https://a..com',
        'https://-.',
        'https://a-.com',
        'http://app.example.com',
      ]) {
        expect(ORIGIN_PATTERN.test(origin), origin).toBe(false);
      }
    },
  );

  it('keeps "*" for the cross-field rule to judge', () => {
    expect(normaliseOrigin('*')).toEqual({ origin: '*' });
  });
});

describe('helpers', () => {
  it('splits comma-separated and repeated values, dropping empty items', () => {
    expect(splitList(['a, b', 'c', ' ,d,'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('turns schema keys into flags', () => {
    expect(flagOf('userPoolId')).toBe('--user-pool-id');
    expect(flagOf('allowAnyOrigin')).toBe('--allow-any-origin');
    expect(flagOf('iac')).toBe('--iac');
  });
});
