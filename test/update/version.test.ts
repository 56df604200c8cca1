/** How update orders versions, to refuse a project made by a later one. */
import { describe, expect, it } from 'vitest';
import { isLaterVersion } from '../../src/update/version-order.js';

describe('isLaterVersion', () => {
  it('orders by major, then minor, then patch, numerically', () => {
    expect(isLaterVersion('1.0.0', '0.9.9')).toBe(true);
    expect(isLaterVersion('0.10.0', '0.9.0')).toBe(true);
    expect(isLaterVersion('0.1.10', '0.1.9')).toBe(true);
    expect(isLaterVersion('0.9.9', '1.0.0')).toBe(false);
    expect(isLaterVersion('0.1.0', '0.1.0')).toBe(false);
  });

  it('orders pre-releases as semver does, and ignores build metadata', () => {
    expect(isLaterVersion('0.2.0-beta.1', '0.1.0')).toBe(true);
    expect(isLaterVersion('0.1.0', '0.1.0-rc.1')).toBe(true);
    expect(isLaterVersion('0.1.0-rc.1', '0.1.0')).toBe(false);
    expect(isLaterVersion('1.0.0-rc.2', '1.0.0-rc.1')).toBe(true);
    expect(isLaterVersion('1.0.0-rc.10', '1.0.0-rc.9')).toBe(true);
    expect(isLaterVersion('1.0.0-beta', '1.0.0-alpha')).toBe(true);
    expect(isLaterVersion('1.0.0-alpha.1', '1.0.0-alpha')).toBe(true);
    expect(isLaterVersion('1.0.0-alpha.beta', '1.0.0-alpha.1')).toBe(true);
    expect(isLaterVersion('1.0.0-alpha.1', '1.0.0-alpha.beta')).toBe(false);
    expect(isLaterVersion('0.1.0+build.5', '0.1.0')).toBe(false);
  });
});
