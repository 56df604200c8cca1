/**
 * The folder a run creates the project in: given, or asked for in a terminal (again while the
 * folder typed cannot be used, with the reason). A folder with files in it is refused without a
 * terminal unless --force is given; in a terminal the user chooses what happens to the files.
 */
import path from 'node:path';
import { sh } from '../../render/escape.js';
import { CancelledError, CognitoJwtApiError } from '../../errors.js';
import { toolCommand, type PackageManager } from '../../session/package-manager.js';
import type { Question } from '../../session/prompts.js';
import { cleanFolder, TargetFolder } from './target.js';

/** What happens to what the folder holds: nothing there, kept (same-named files replaced), or removed first. */
export type ExistingFiles = 'none' | 'keep' | 'remove';

export interface ChosenFolder {
  /** As the user gave it, relative to the working folder. */
  folder: string;
  target: TargetFolder;
  existing: ExistingFiles;
}

export interface FolderOptions {
  positional: string | undefined;
  force: boolean;
  suggestion: string;
  cwd: string;
  pm: PackageManager;
  /** Set in a terminal. */
  ask?: (questions: Question[]) => Promise<Record<string, unknown>>;
  /** Told the folder once it is known. */
  onFolder?: (folder: string) => void;
}

export async function chooseFolder(options: FolderOptions): Promise<ChosenFolder> {
  const { ask, cwd, force, suggestion } = options;
  const updateCommand = (target: TargetFolder) =>
    [...toolCommand(options.pm), 'update', sh(pathForShell(target, cwd))].join(' ');
  let folder = options.positional === undefined ? undefined : cleanFolder(options.positional) || suggestion;
  if (folder === undefined && ask) {
    // A folder the run cannot use is asked again, with the reason, as the other answers are.
    const usable = (value: string) => {
      try {
        const target = new TargetFolder(cleanFolder(value) || suggestion, cwd);
        target.checkUsable(updateCommand(target));
        return true;
      } catch (error) {
        if (error instanceof CognitoJwtApiError) return error.message;
        throw error;
      }
    };
    const answer = await ask([
      { type: 'input', name: 'folder', message: 'Project folder', default: suggestion, validate: usable },
    ]);
    folder = cleanFolder(String(answer.folder)) || suggestion;
  }
  folder ??= suggestion;
  options.onFolder?.(folder);
  const target = new TargetFolder(folder, cwd);
  if (!ask || force) {
    target.check(force, updateCommand(target));
    return { folder, target, existing: force && target.entries().length > 0 ? 'keep' : 'none' };
  }
  target.checkUsable(updateCommand(target));
  const entries = target.entries();
  if (entries.length === 0) return { folder, target, existing: 'none' };
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, and ${entries.length - 3} more` : '');
  const { existing } = await ask([
    {
      type: 'select',
      name: 'existing',
      message: `${folder} is not empty (${shown}). What should happen to what is there?`,
      choices: [
        { name: 'Cancel', value: 'cancel' },
        { name: 'Remove existing files and continue (once every answer is in)', value: 'remove' },
        { name: 'Ignore files and continue (files the project also has are replaced)', value: 'keep' },
      ],
      default: 'cancel',
    },
  ]);
  if (existing !== 'remove' && existing !== 'keep') throw new CancelledError();
  return { folder, target, existing };
}

/** A folder as a command-line word: "." for the working folder, "./-x" rather than an option. */
export function pathForShell(target: TargetFolder, cwd: string): string {
  const relative = path.relative(path.resolve(cwd), target.path) || '.';
  return relative.startsWith('-') ? `.${path.sep}${relative}` : relative;
}
