/**
 * `create-cognito-jwt-api update [dir]`: re-renders a generated project with its stored answers
 * (the origins, scopes and routes of its src/api.ts over them, and any answer flags) through the
 * current templates, and merges the result in 3 ways.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { UpdateError } from '../../errors.js';
import { metaOf } from '../../schema/answers.js';
import { REMOVABLE_FIELDS, REMOVED_WITH } from '../../schema/parse.js';
import { flagOf } from '../../schema/rules.js';
import { answersFromOptions } from '../../session/answer-options.js';
import { homedir } from 'node:os';
import { applyAtomically } from '../../update/apply.js';
import { readJournal, removeUncommittedStaging, replayJournal } from '../../update/journal.js';
import { changes, type PlanEntry } from '../../update/plan.js';
import { checkJournalAgainstRecord, findProject, refuseOthersFolder } from '../../update/load-record.js';
import { computeUpdate, type UpdateComputation } from '../../update/project.js';
import { dependenciesChange, updateReport } from '../../update/report.js';
import { recordsResolution, refuseOverUnresolved } from '../../update/unresolved.js';
import { PACKAGE_VERSION } from '../../version.js';
import { packageManagerOf } from '../../session/package-manager.js';
import { updateNextSteps } from '../../session/update-next-steps.js';
import type { Io } from './process-io.js';
import { ANSWER_FLAGS, flagLine, INFO_FLAGS, parseCommandLine, type Flag } from './options.js';
import { widthOf, wrapLine } from './wrap.js';

const UPDATE_RUN_FLAGS: readonly Flag[] = [
  { name: 'dry-run', type: 'boolean', description: 'Print the plan and the unified diffs; write nothing' },
  {
    name: 'check',
    type: 'boolean',
    description: 'Write nothing; exit 0 if the project is current, 2 if an update would change files',
  },
  {
    name: 'json',
    type: 'boolean',
    description: 'Print one JSON report on stdout instead of text (after writing, in a run that writes)',
  },
  { name: 'force', type: 'boolean', description: 'Update even when the git working tree has uncommitted changes' },
  { name: 'yes', short: 'y', type: 'boolean', description: 'Accepted for scripts: update never prompts anyway' },
  ...INFO_FLAGS,
];
/** The answer flags, those of answers a project may be without also as `--no-<flag>`. */
const UPDATE_ANSWER_FLAGS: readonly Flag[] = ANSWER_FLAGS.map((flag) => ({
  ...flag,
  removable: REMOVABLE_FIELDS.some((field) => flagOf(field) === `--${flag.name}`),
}));
const UPDATE_FLAGS = [...UPDATE_ANSWER_FLAGS, ...UPDATE_RUN_FLAGS];

/** `--no-domain`: what removing the answer does, for --help. */
function removalLine(flag: Flag, width: number): string {
  const field = REMOVABLE_FIELDS.find((candidate) => flagOf(candidate) === `--${flag.name}`)!;
  const companion = REMOVED_WITH[field];
  const also = companion === undefined ? '' : ` (and ${flagOf(companion)}, unless given)`;
  const description = `Remove: ${metaOf(field).title}${also}`;
  return `      --no-${flag.name}\n${wrapLine(`        ${description}`, width)}`;
}

function updateHelp(width: number): string {
  const paragraph = (text: string) => wrapLine(text, width);
  return [
    `create-cognito-jwt-api update ${PACKAGE_VERSION}`,
    '',
    paragraph(
      'Re-renders a generated project through the current templates, with its stored answers and any answer ' +
        'flags given here, and merges the result into the project: files you did not touch take the new output, ' +
        'files only you changed stay yours, files both changed are merged (conflicts marked diff3-style); the ' +
        'sample route (src/handlers/me.ts and its test) is never overwritten. The origins, scopes and routes in ' +
        'src/api.ts, once edited there, replace the stored answers (a flag that disagrees with them is refused).',
    ),
    '',
    'Usage:',
    '  npx create-cognito-jwt-api update [dir] [flags]',
    '',
    'Answers to change (as when generating):',
    ...ANSWER_FLAGS.map((flag) => flagLine(flag, width)),
    '',
    'Answers to remove:',
    ...UPDATE_ANSWER_FLAGS.filter((flag) => flag.removable).map((flag) => removalLine(flag, width)),
    '',
    'Run:',
    ...UPDATE_RUN_FLAGS.map((flag) => flagLine(flag, width)),
    '',
    paragraph(
      'Exit codes: 0 done (or current), 1 conflicts remain or an error, 2 (--check) an update would change files.',
    ),
    paragraph(
      'A run that writes ends with the next steps: install (only when the dependencies changed), test, deploy.',
    ),
    '',
  ].join('\n');
}

/** Files with uncommitted changes, or `undefined` when `dir` is not in a git working tree. */
function uncommitted(dir: string): string[] | undefined {
  // This folder only: a project inside a larger repository is not held back by changes elsewhere.
  const status = spawnSync('git', ['status', '--porcelain', '--', '.'], { cwd: dir, encoding: 'utf8' });
  if (status.status !== 0) return undefined;
  return status.stdout.split('\n').filter(Boolean);
}

const planLine = (entry: PlanEntry) => `  ${entry.action.padEnd(12)} ${entry.path}  (${entry.reason})`;
const conflictsLine = (files: readonly string[]) =>
  `Conflicts remain in: ${files.join(', ')}. Resolve the <<<<<<< / ||||||| / ======= / >>>>>>> sections, then ` +
  `run update again (it records the resolution).`;
/** What --check and --dry-run say of conflicts: those an update would mark, and those left unresolved. */
function conflictsPreview(plan: readonly PlanEntry[], conflicts: readonly string[]): string {
  const coming = plan.filter((entry) => entry.action === 'conflict').map((entry) => entry.path);
  const left = conflicts.filter((file) => !coming.includes(file));
  return [
    ...(coming.length > 0 ? [`An update would mark conflicts in: ${coming.join(', ')} (to resolve after it).`] : []),
    ...(left.length > 0 ? [conflictsLine(left)] : []),
  ].join('\n');
}
const recordedLine = (files: readonly string[]) =>
  `Recorded your resolution of ${files.length} file(s): ${files.join(', ')}. The next update merges from here.`;
export async function runUpdate(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandLine(argv, UPDATE_FLAGS);
  if (values.help || values.version) {
    io.out(values.help ? updateHelp(widthOf(io.columns)) : PACKAGE_VERSION);
    return 0;
  }
  if (positionals.length > 1)
    throw new UpdateError(
      `Expected at most one project folder, but got ${positionals.map((p) => JSON.stringify(p)).join(' ')}. Run ` +
        `update inside the project, or name it: update <dir>.`,
    );
  const dir =
    positionals[0] === undefined ? findProject(io.cwd, io.env.HOME || homedir()) : path.resolve(io.cwd, positionals[0]);
  const found = statSync(dir, { throwIfNoEntry: false });
  if (!found)
    throw new UpdateError(
      `${dir} does not exist. Expected the folder of a generated project: run update inside it, or name it: ` +
        `update <dir>.`,
    );
  if (!found.isDirectory())
    throw new UpdateError(
      `${dir} is a file, not a folder. Expected the folder of a generated project: run update inside it, or name ` +
        `it: update <dir>.`,
    );
  refuseOthersFolder(dir);
  const json = Boolean(values.json);
  const writesNothing = Boolean(values['dry-run'] || values.check);
  // With --json, stdout holds the report alone.
  if (!writesNothing) finishInterrupted(dir, json ? io.err : io.out);

  const update = computeUpdate(dir, answersFromOptions(values));
  const changed = changes(update.plan);
  const visible = update.plan.filter((entry) => entry.action !== 'unchanged');
  // A run that writes is refused before its plan is printed, so that the plan never reads as done.
  if (!writesNothing && update.writes.size > 0) refuseUnsafeWrites(dir, update, Boolean(values.force));
  const printReport = () => io.out(JSON.stringify(updateReport(update, false), null, 2));
  if (!json) {
    for (const note of update.notes) io.out(`note: ${note}`);
    if (visible.length > 0) io.out(`Plan for ${dir}:\n${visible.map(planLine).join('\n')}`);
    if (changed.length === 0 && update.conflicts.length === 0 && (writesNothing || update.writes.size === 0))
      io.out(`${dir} is current.`);
  }

  if (update.conflicts.length > 0 && writesNothing) io.err(conflictsPreview(update.plan, update.conflicts));
  if (values.check) {
    if (json) printReport();
    return update.conflicts.length > 0 ? 1 : changed.length > 0 ? 2 : 0;
  }
  if (values['dry-run']) {
    if (json) printReport();
    else if (update.writes.size > 0 || update.conflicts.length > 0) {
      const { createTwoFilesPatch } = await import('diff'); // only a dry run prints diffs
      for (const entry of changed)
        io.out(
          createTwoFilesPatch(entry.path, entry.path, entry.current ?? '', entry.result ?? '', 'now', 'after update'),
        );
      io.out('Dry run: nothing was written.');
    }
    return 0;
  }

  if (update.writes.size > 0) await applyAtomically(dir, update.writes);
  reportWritten(dir, update, json, io);
  return update.conflicts.length > 0 ? 1 : 0;
}

/**
 * What a run that may have written says after it: the JSON report, or what was written, the
 * conflicts left and the next steps.
 */
function reportWritten(dir: string, update: UpdateComputation, json: boolean, io: Io): void {
  const written = update.writes.size > 0;
  const changed = changes(update.plan);
  const recorded = written && update.resolved.length > 0 ? recordedLine(update.resolved) : undefined;
  if (json) {
    io.out(JSON.stringify(updateReport(update, written, [...update.notes, ...(recorded ? [recorded] : [])]), null, 2));
  } else {
    if (recorded) io.out(recorded);
    if (changed.length > 0) io.out(`Updated ${changed.length} file(s).`);
    else if (written && !recorded)
      io.out(`${dir} is current; only its record was updated (${[...update.writes.keys()].join(', ')}).`);
  }
  if (update.conflicts.length > 0) io.err(conflictsLine(update.conflicts));
  if (json || (changed.length === 0 && !recorded)) return;
  const steps = updateNextSteps({
    iac: update.answers.iac,
    previousIac: update.previousIac,
    installNeeded: dependenciesChange(update.plan),
    conflicts: update.conflicts,
    packageManager: packageManagerOf(io.env.npm_config_user_agent),
  });
  io.out(`\n${steps}`);
}

/** Finishes an update a killed run committed to, once its journal and the project's record check out. */
function finishInterrupted(dir: string, say: (text: string) => void): void {
  const journal = readJournal(dir);
  if (!journal) {
    removeUncommittedStaging(dir);
    return;
  }
  checkJournalAgainstRecord(dir, journal);
  replayJournal(dir, journal);
  say('Finished an update that was interrupted.');
}

/** Refuses to write over unresolved conflicts, or into a dirty git tree unless forced. */
function refuseUnsafeWrites(dir: string, update: UpdateComputation, force: boolean): void {
  if (recordsResolution(update)) return;
  refuseOverUnresolved(update);
  const dirty = force ? undefined : uncommitted(dir);
  if (dirty && dirty.length > 0) {
    throw new UpdateError(
      `The git working tree has uncommitted changes (${dirty.length} file(s), e.g. ${dirty[0]!.slice(3)}). ` +
        `Expected a clean tree, so that the update is one reviewable change: commit them, or stash them (git ` +
        `stash --include-untracked), or pass --force.`,
    );
  }
}
