/** The folder a run writes into: checked before anything is written, removed again on failure. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CognitoJwtApiError, TargetNotEmptyError } from '../errors.js';
import { unscopedName } from '../schema/rules.js';

export class TargetFolder {
  readonly path: string;
  /** True when the folder did not exist before this run: only then may the run remove it. */
  readonly isNew: boolean;

  constructor(dir: string, cwd: string) {
    this.path = path.resolve(cwd, dir);
    this.isNew = !existsSync(this.path);
  }

  /** Refuses a file, or a folder with entries in it unless `force` is given. */
  check(force: boolean): void {
    if (this.isNew) return;
    if (!statSync(this.path).isDirectory()) {
      throw new CognitoJwtApiError(`Target "${this.path}" is a file. Expected a folder path that is new or empty.`);
    }
    if (!force && readdirSync(this.path).length > 0) throw new TargetNotEmptyError(this.path);
  }
}

/** The folder name a run uses when none is given: the package name without its scope. */
export function defaultFolderName(name: unknown): string {
  return typeof name === 'string' && name.length > 0 ? unscopedName(name) : 'cognito-jwt-api';
}
