/** The folder a run writes into: checked before anything is written, removed again on failure. */
import { accessSync, constants, existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { TargetNotEmptyError, TargetPathError } from '../../errors.js';
import { checkTargetPaths } from '../../io/confine.js';
import { unscopedName } from '../../schema/rules.js';

export class TargetFolder {
  readonly path: string;
  /** True when the folder did not exist before this run: only then may the run remove it. */
  readonly isNew: boolean;

  constructor(dir: string, cwd: string) {
    this.path = path.resolve(cwd, dir);
    this.isNew = !existsSync(this.path);
  }

  /**
   * Refuses a file, a folder with entries in it unless `force` is given, and a folder that cannot
   * be made or written: a new one's nearest existing parent must be a folder this user can write in.
   */
  check(force: boolean): void {
    if (this.isNew) {
      if (danglingLink(this.path)) {
        throw new TargetPathError(
          `Target "${this.path}" is a symbolic link to nothing (${readlinkSync(this.path)}). Expected a folder ` +
            `path that is new or empty: remove the link, or make what it points to.`,
        );
      }
      let parent = path.dirname(this.path);
      while (!existsSync(parent)) {
        if (danglingLink(parent)) {
          throw new TargetPathError(
            `Target "${this.path}" cannot be made: "${parent}" is a symbolic link to nothing ` +
              `(${readlinkSync(parent)}). Expected a folder path whose parents are folders.`,
          );
        }
        parent = path.dirname(parent);
      }
      if (!statSync(parent).isDirectory()) {
        throw new TargetPathError(
          `Target "${this.path}" cannot be made: "${parent}" is a file. Expected a folder path whose parents are ` +
            `folders.`,
        );
      }
      writable(parent, `Target "${this.path}" cannot be made`);
      return;
    }
    if (!statSync(this.path).isDirectory()) {
      throw new TargetPathError(`Target "${this.path}" is a file. Expected a folder path that is new or empty.`);
    }
    if (!force && readdirSync(this.path).length > 0) throw new TargetNotEmptyError(this.path);
    writable(this.path, `Target "${this.path}" cannot be written`);
  }

  /**
   * Refuses, before anything is written into an existing folder, a project path that meets a file
   * where the project has a folder, or a folder where it has a file, or a symbolic link anywhere
   * along it (a write through one could land outside the folder). Returns the project's files
   * that are there already (which --force replaces), sorted.
   */
  checkPaths(files: Iterable<string>): string[] {
    return this.isNew ? [] : checkTargetPaths(this.path, files);
  }
}

function writable(folder: string, what: string): void {
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new TargetPathError(
      `${what}: "${folder}" is not writable by this user. Expected a folder you can write in: choose another ` +
        `path, or change its permissions.`,
    );
  }
}

/** The folder name a run uses when none is given: the package name without its scope. */
export function defaultFolderName(name: unknown): string {
  return typeof name === 'string' && name.length > 0 ? unscopedName(name) : 'cognito-jwt-api';
}

/** Whether `file` is a symbolic link whose target does not exist (existsSync follows links). */
function danglingLink(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch {
    return false; // a parent is not a folder: check() names that
  }
}
