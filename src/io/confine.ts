/**
 * Paths from a project's own files are untrusted: a cloned repository holds whatever state files
 * and symbolic links its authors committed. Every path read from a state file is checked before
 * any use, and no read, write, rename or delete goes through a symbolic link inside the project.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { SymbolicLinkError, TargetPathError, UnsafeStatePathError } from '../errors.js';

/** Where a generated project keeps its merge base and an update in progress. */
export const STATE_DIR = '.cognito-jwt-api';

/**
 * `file` as a project path, if it is one a generation could write: relative, in normal form
 * ("a/b", no ".", ".." or empty segments, "/" separators only), not under .git, and not among the
 * tool's own state files unless `stateFiles` lists it. Throws UnsafeStatePathError naming `source`.
 */
export function checkProjectPath(source: string, file: unknown, stateFiles: readonly string[] = []): string {
  const problem = problemOf(file, stateFiles);
  if (problem) throw new UnsafeStatePathError(source, file, problem);
  return file as string;
}

function problemOf(file: unknown, stateFiles: readonly string[]): string | undefined {
  if (typeof file !== 'string' || file === '') return 'is not a file name';
  if (file.includes('\0') || file.includes('\\')) return 'holds a NUL or a backslash';
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file)) return 'is an absolute path';
  const segments = file.split('/');
  if (segments.includes('..')) return 'leaves the project (a ".." segment)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'is not in normal form';
  // Git's own folder holds hooks, which run code: nothing of a project's state may reach it.
  if (segments.some((segment) => segment.toLowerCase() === '.git')) return 'is under .git';
  if (segments[0] === STATE_DIR && !stateFiles.includes(file))
    return `is among this tool's state files (${STATE_DIR}/)`;
  return undefined;
}

/**
 * Refuses a symbolic link at any component of the given project paths (each parent folder and
 * the file itself), looking with lstat from `root` down. Components already seen are not looked
 * at again. `root` itself is the caller's choice and is not checked.
 */
export class LinkGuard {
  private readonly seen = new Set<string>();

  constructor(readonly root: string) {}

  check(files: Iterable<string>): void {
    for (const file of files) {
      const parts = file.split('/');
      for (let depth = 1; depth <= parts.length; depth++) {
        const at = path.join(this.root, ...parts.slice(0, depth));
        if (this.seen.has(at)) continue;
        const found = lstatSync(at, { throwIfNoEntry: false });
        if (found?.isSymbolicLink()) throw new SymbolicLinkError(at, readlinkSync(at));
        if (!found) break; // nothing below a missing component exists
        this.seen.add(at);
      }
    }
  }
}

/** Refuses a symbolic link at any component of `files` below `root` (see LinkGuard). */
export function refuseLinks(root: string, files: Iterable<string>): void {
  new LinkGuard(root).check(files);
}

/**
 * Checks, before anything is written below `root`, every path of `files`: no symbolic link along
 * it, no file where it needs a folder, no folder where it needs a file. Returns the files that are
 * there already (which a forced write replaces), sorted.
 */
export function checkTargetPaths(root: string, files: Iterable<string>): string[] {
  const present: string[] = [];
  for (const file of files) {
    const parts = file.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const at = path.join(root, ...parts.slice(0, depth));
      const found = lstatSync(at, { throwIfNoEntry: false });
      if (!found) break;
      if (found.isSymbolicLink()) throw new SymbolicLinkError(at, readlinkSync(at));
      const wantsFolder = depth < parts.length;
      if (found.isDirectory() !== wantsFolder) {
        throw new TargetPathError(
          `Cannot write ${file} into "${root}": "${at}" is a ${wantsFolder ? 'file' : 'folder'}, where the ` +
            `project has a ${wantsFolder ? 'folder' : 'file'}. Expected nothing of another kind at that path: ` +
            `move it aside, or choose an empty folder.`,
        );
      }
      if (!wantsFolder) present.push(file);
    }
  }
  return present.sort();
}
