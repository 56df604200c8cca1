/**
 * The repository's packages depend on each other as published packages do: by a semver range of
 * the released version, never by `file:`, `link:` or `workspace:`, which a packed module carries
 * into the Backstage backend or Yeoman folder that installs it (npm then links the package to the
 * wrong folder). The lock file records the same ranges, so that `npm ci` keeps working.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  name: string;
  version: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const ROOT = new URL('../', import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, ROOT), 'utf8')) as T;

const root = readJson<PackageJson>('package.json');
/** Each package of the repository by its folder ('' for the root). */
const packages = new Map<string, PackageJson>([
  ['', root],
  ...(root.workspaces ?? []).map((folder) => [folder, readJson<PackageJson>(`${folder}/package.json`)] as const),
]);
const versionOf = new Map([...packages.values()].map((pkg) => [pkg.name, pkg.version]));
const lock = readJson<{ packages: Record<string, { dependencies?: Record<string, string> }> }>('package-lock.json');

/** The dependencies of `pkg` on the repository's other packages, in every dependency field. */
function ownDependencies(pkg: PackageJson): Array<{ name: string; range: string }> {
  const fields = [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies];
  return fields.flatMap((field) =>
    Object.entries(field ?? {})
      .filter(([name]) => versionOf.has(name))
      .map(([name, range]) => ({ name, range })),
  );
}

/** `^V`, `~V` or `V`: a range that V satisfies and whose lowest version is V. */
const rangeFloor = (range: string) => /^[\^~]?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(range)?.[1];

describe('dependencies between the repository packages', () => {
  it('the Yeoman generator and the Backstage module depend on create-cognito-jwt-api at run time', () => {
    for (const folder of ['yeoman', 'backstage']) expect(packages.get(folder)?.dependencies).toHaveProperty(root.name);
  });

  it.each([...packages].map(([folder, pkg]) => ({ folder: folder || '(root)', pkg })))(
    '$folder depends on the others by a range of their released version, never a file, link or workspace',
    ({ pkg }) => {
      for (const { name, range } of ownDependencies(pkg)) {
        expect(range, `${pkg.name} -> ${name}`).not.toMatch(/^(file|link|workspace):/);
        expect(rangeFloor(range), `${pkg.name} -> ${name}: ${range}`).toBe(versionOf.get(name));
      }
    },
  );

  it('the lock file records the same ranges as the packages', () => {
    for (const [folder, pkg] of packages) {
      if (!folder) continue;
      const locked = lock.packages[folder]?.dependencies ?? {};
      for (const { name, range } of ownDependencies({
        ...pkg,
        devDependencies: {},
        peerDependencies: {},
        optionalDependencies: {},
      })) {
        expect(locked[name], `package-lock.json packages["${folder}"] -> ${name}`).toBe(range);
      }
    }
  });
});
