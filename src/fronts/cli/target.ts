/** The folder a run writes into: checked before anything is written, removed again on failure. */
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { ExistingProjectError, TargetNotEmptyError, TargetPathError } from '../../errors.js';
import { checkTargetPaths } from '../../io/confine.js';
import { unscopedName } from '../../schema/rules.js';
import { YO_RC_PATH } from '../../update/record.js';
import { PACKAGE_NAME } from '../../version.js';

/** Entries a folder may hold and still count as empty: a clone of an empty repository has `.git`. */
const KEPT = ['.git'];

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
   * `update` names the command that updates a project found there instead.
   */
  check(force: boolean, update = 'npx create-cognito-jwt-api update'): void {
    this.checkUsable(update);
    if (!force && this.entries().length > 0) throw new TargetNotEmptyError(this.path);
  }

  /** What `check` refuses but for a folder with entries in it: the run may still ask what to do with those. */
  checkUsable(update = 'npx create-cognito-jwt-api update'): void {
    // A path inside node_modules belongs to the package manager, which replaces it on the next install.
    if (this.path.split(path.sep).includes('node_modules')) {
      throw new TargetPathError(
        `Target "${this.path}" is in a node_modules folder, which the package manager replaces at will. Expected ` +
          'a folder of your own: choose a path outside node_modules.',
      );
    }
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
    if (this.holdsProject()) throw new ExistingProjectError(this.path, update);
    writable(this.path, `Target "${this.path}" cannot be written`);
  }

  /** The folder's entries that make it not empty (all but `.git`), sorted; none for a new folder. */
  entries(): string[] {
    return this.isNew
      ? []
      : readdirSync(this.path)
          .filter((entry) => !KEPT.includes(entry))
          .sort();
  }

  /** Whether the folder holds a project this tool made: its record in .yo-rc.json. */
  holdsProject(): boolean {
    const file = path.join(this.path, YO_RC_PATH);
    // Read only as a file of its own: a link or a device could point anywhere, or never end.
    if (!lstatSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    try {
      const yoRc: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return typeof yoRc === 'object' && yoRc !== null && Object.hasOwn(yoRc, PACKAGE_NAME);
    } catch {
      return false; // none, or not one this tool could have written
    }
  }

  /** Removes every entry that makes the folder not empty (`.git` stays), as the user chose to. */
  removeEntries(): void {
    for (const entry of this.entries()) rmSync(path.join(this.path, entry), { recursive: true, force: true });
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

/**
 * A folder as typed or pasted: spaces around it and around each of its parts are dropped, so that
 * "  my-service/ " never makes a folder whose name starts or ends with a space.
 */
export function cleanFolder(value: string): string {
  return value
    .split(path.sep === '\\' ? /[\\/]/ : '/')
    .map((part) => part.trim())
    .join(path.sep);
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
