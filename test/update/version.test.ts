/** How update orders versions, to refuse a project made by a later one. */
import { describe, expect, it } from 'vitest';
import { isLaterVersion } from '../../src/update/project.js';

describe('isLaterVersion', () => {
  it('orders by major, then minor, then patch, numerically', () => {
    expect(isLaterVersion('1.0.0', '0.9.9')).toBe(true);
    expect(isLaterVersion('0.10.0', '0.9.0')).toBe(true);
    expect(isLaterVersion('0.1.10', '0.1.9')).toBe(true);
    expect(isLaterVersion('0.9.9', '1.0.0')).toBe(false);
    expect(isLaterVersion('0.1.0', '0.1.0')).toBe(false);
  });

  it('counts a pre-release or build as its release', () => {
    expect(isLaterVersion('0.2.0-beta.1', '0.1.0')).toBe(true);
    expect(isLaterVersion('0.1.0-beta.1', '0.1.0')).toBe(false);
    expect(isLaterVersion('0.1.0+build.5', '0.1.0')).toBe(false);
  });
});
