/**
 * The package manager that started this run (`npm create`, `pnpm create`, `yarn create`, `bun create`):
 * the commands a run prints are the ones that manager runs.
 */

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The package manager that started this process, from `npm_config_user_agent` ("pnpm/9.1.0 npm/? node/v20..."). */
export function packageManagerOf(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** How `pm` runs a package script: `npm test`, `pnpm run dev`; `bun test` is bun's test runner, not the script. */
export function runScript(pm: PackageManager, script: string): string {
  return script === 'test' && pm !== 'bun' ? `${pm} test` : `${pm} run ${script}`;
}

/** How `pm` runs a command a project dependency installs (what `npx` is to npm). */
export function execCommand(pm: PackageManager): string {
  return { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm];
}

/** How `pm` runs this tool from the registry, before its command, folder and flags. */
export function toolCommand(pm: PackageManager): string[] {
  return { npm: ['npx'], pnpm: ['pnpm', 'dlx'], yarn: ['yarn', 'dlx'], bun: ['bunx'] }[pm].concat(
    'create-cognito-jwt-api',
  );
}
