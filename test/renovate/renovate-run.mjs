/**
 * Runs parts of the installed Renovate on the preset, in the cache folder that holds Renovate (see
 * preset.test.ts): its regex manager's extraction of a file, and its template engine on the
 * post-upgrade commands. Prints JSON.
 *
 *   node renovate-run.mjs extract <preset.json> <file name> <contents file>
 *   node renovate-run.mjs compile <preset.json> <JSON of the template input>
 */
import { readFileSync } from 'node:fs';
import { extractPackageFile } from 'renovate/dist/modules/manager/custom/regex/index.js';
import { compile } from 'renovate/dist/util/template/index.js';

const [mode, presetFile, ...rest] = process.argv.slice(2);
const preset = JSON.parse(readFileSync(presetFile, 'utf8'));
if (mode === 'extract') {
  const [fileName, contentsFile] = rest;
  const result = await extractPackageFile(readFileSync(contentsFile, 'utf8'), fileName, preset.customManagers[0]);
  process.stdout.write(JSON.stringify(result?.deps ?? []));
} else if (mode === 'compile') {
  const input = JSON.parse(rest[0]);
  const { postUpgradeTasks, prBodyNotes } = preset.packageRules[0];
  process.stdout.write(
    JSON.stringify({
      commands: postUpgradeTasks.commands.map((command) => compile(command, input)),
      workingDir: compile(postUpgradeTasks.workingDirTemplate, input),
      prBodyNotes: prBodyNotes.map((note) => compile(note, input)),
    }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
