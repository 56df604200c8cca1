/**
 * src/update/, above the renderer: a project's record, and its three-way regeneration.
 *
 * Reads a generated project's record and merge base, and computes its update.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidAnswersError, UnsafeStatePathError, UpdateError } from '../errors.js';
import { renderProject } from '../render/render-project.js';
import { CROSS_FIELD_RULES, type Answers, type GivenAnswers } from '../schema/answers.js';
import { parseAnswers, withChanges } from '../schema/parse.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';
import { checkProjectPath, LinkGuard, refuseLinks, STATE_DIR } from '../io/confine.js';
import { answerChangeNotes, previousIac } from './answer-changes.js';
import { planCatalogInfo } from './catalog-info.js';
import { hasHash } from './hash.js';
import { JOURNAL_PATH, STAGED_FILES, type Journal } from './journal.js';
import { CONFLICT_MARKER } from './merge.js';
import { ENVIRONMENTS_SCHEMA_VERSION, migrateAnswers } from './migrations.js';
import { API_PATH } from './project-api.js';
import { answersInProject } from './project-answers.js';
import { changes, planUpdate, type PlanEntry } from './plan.js';
import { PRISTINE_PATH, recordOf, yoRcWith, YO_RC_PATH } from './record.js';
import { Pristine, ProjectRecord } from './record-schema.js';
import { isLaterVersion } from './version-order.js';

export interface UpdateComputation {
  answers: Answers;
  plan: PlanEntry[];
  /** Every write the update makes, project files and its own record: path → contents or null. */
  writes: Map<string, string | null>;
  /** Files with conflict markers after the update (new ones and earlier unresolved ones). */
  conflicts: string[];
  /** Answer migrations applied, and notes about the merge base. */
  notes: string[];
  /** The project's record lists conflicts from an earlier update (this run may record their resolution). */
  hadConflicts: boolean;
  /** Files an earlier update left with conflicts that still hold markers. */
  unresolved: string[];
  /** Files an earlier update left with conflicts whose markers are gone: this run records their resolution. */
  resolved: string[];
  /** The version of the tool that generated or last updated the project. */
  fromVersion: string;
  /** The flavour the project had, when this run switches to another. */
  previousIac?: Answers['iac'];
}

/** A file of the project, read only where no component of its path is a symbolic link. */
function readText(guard: LinkGuard, file: string): string | undefined {
  guard.check([file]);
  const at = path.join(guard.root, file);
  return lstatSync(at, { throwIfNoEntry: false })?.isFile() ? readFileSync(at, 'utf8') : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The nearest folder from `cwd` up whose .yo-rc.json has this tool's entry, as Yeoman finds a
 * project (one that cannot be parsed counts if it names this tool, for loadRecord to explain);
 * `cwd` if none. The search stops at the enclosing git work tree's root, and never goes above
 * `home`; outside both it looks in `cwd` alone: a record planted in a shared parent (/tmp) is
 * not the user's project.
 */
export function findProject(cwd: string, home: string): string {
  const start = path.resolve(cwd);
  const top = searchTop(start, path.resolve(home));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const yoRc = path.join(dir, YO_RC_PATH);
    if (lstatSync(yoRc, { throwIfNoEntry: false })?.isFile() && holdsRecord(readFileSync(yoRc, 'utf8'))) return dir;
    if (dir === top) return start;
  }
}

function searchTop(start: string, home: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (lstatSync(path.join(dir, '.git'), { throwIfNoEntry: false }) || dir === home) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** Refuses a project folder another user owns (as git refuses one): its record may have been planted. */
export function refuseOthersFolder(dir: string): void {
  const uid = process.getuid?.();
  const owner = statSync(dir).uid;
  if (uid === undefined || owner === uid) return;
  throw new UpdateError(
    `${dir} belongs to another user (uid ${owner}), not to you (uid ${uid}). Expected a project folder of your ` +
      `own: a record in ` +
      "someone else's folder may have been planted there. Run update in your own clone of the project.",
  );
}

function holdsRecord(yoRc: string): boolean {
  const config = parseJson(yoRc);
  if (config === undefined) return yoRc.includes(`"${PACKAGE_NAME}"`);
  return typeof config === 'object' && config !== null && PACKAGE_NAME in config;
}

function loadRecord(guard: LinkGuard): { record: ProjectRecord; yoRc: string } {
  const dir = guard.root;
  const yoRc = readText(guard, YO_RC_PATH);
  const config = yoRc === undefined ? undefined : parseJson(yoRc);
  if (yoRc !== undefined && (typeof config !== 'object' || config === null)) {
    throw new UpdateError(
      `${path.join(dir, YO_RC_PATH)} is not valid JSON. Expected the file a generation wrote: restore it (git ` +
        `checkout -- ${YO_RC_PATH}) and run update again.`,
    );
  }
  if (yoRc === undefined) {
    throw new UpdateError(
      `${dir} is not a project generated by ${PACKAGE_NAME}: it has no ${YO_RC_PATH}. Expected to run inside a ` +
        `generated project (or name it: update <dir>).`,
    );
  }
  const entry = (config as Record<string, unknown> | undefined)?.[PACKAGE_NAME];
  if (!entry) {
    throw new UpdateError(
      `${dir} is not a project generated by ${PACKAGE_NAME}: ${YO_RC_PATH} has no "${PACKAGE_NAME}" entry. ` +
        `Expected to run inside a generated project (or name it: update <dir>).`,
    );
  }
  const parsed = ProjectRecord.safeParse(entry);
  if (!parsed.success)
    throw new UpdateError(
      `${YO_RC_PATH} holds a record this tool cannot read: ${parsed.error.issues[0]?.message}. Expected the ` +
        `record a generation wrote.`,
    );
  checkRecordPaths(parsed.data);
  return { record: parsed.data, yoRc: yoRc! };
}

/** Every path a record names is a project path (confine.ts), or the record is refused before any use. */
function checkRecordPaths(record: ProjectRecord): ProjectRecord {
  for (const file of [...Object.keys(record.files ?? {}), ...(record.conflicts ?? [])])
    checkProjectPath(YO_RC_PATH, file);
  return record;
}

/**
 * Refuses to replay `journal` in `dir` unless the folder's record can be read (the one in place,
 * or the one the journal is about to put there) and each operation is one that record allows: a
 * write of a staged file, or a delete of a file a record lists (or one already gone).
 */
export function checkJournalAgainstRecord(dir: string, journal: Journal): void {
  const records: ProjectRecord[] = [];
  let refusal: unknown;
  try {
    records.push(loadRecord(new LinkGuard(dir)).record);
  } catch (error) {
    if (error instanceof UnsafeStatePathError || !(error instanceof UpdateError)) throw error;
    refusal = error;
  }
  // A generation into an existing folder (--force) killed after its commit point: its record is staged.
  if (journal.operations.some(([file, write]) => file === YO_RC_PATH && write)) {
    const staged = readText(new LinkGuard(path.join(dir, STATE_DIR, journal.staging, STAGED_FILES)), YO_RC_PATH);
    const record =
      staged === undefined
        ? undefined
        : ProjectRecord.safeParse((parseJson(staged) as Record<string, unknown> | undefined)?.[PACKAGE_NAME]);
    if (record?.success) records.push(checkRecordPaths(record.data));
  }
  if (records.length === 0) throw refusal;
  const known = new Set<string>([
    YO_RC_PATH,
    PRISTINE_PATH,
    ...records.flatMap((record) => Object.keys(record.files ?? {})),
  ]);
  for (const [file, write] of journal.operations) {
    const gone = !write && !lstatSync(path.join(dir, file), { throwIfNoEntry: false });
    if (!known.has(file) && !gone) {
      throw new UpdateError(
        `${JOURNAL_PATH} would ${write ? 'write' : 'delete'} ${JSON.stringify(file)}, which the project's record ` +
          `does not list. ` +
          `Expected only the files of a generation: this journal was not written by this tool. Remove ` +
          `${JOURNAL_PATH}, then run update again. Nothing was changed.`,
      );
    }
  }
}

/** The stored base, file by file, where its hash is the recorded one. */
function loadBase(guard: LinkGuard, record: ProjectRecord, notes: string[]): Map<string, string> {
  const text = readText(guard, PRISTINE_PATH);
  const pristine = text ? Pristine.safeParse(parseJson(text)) : undefined;
  if (!pristine?.success) {
    notes.push(
      `no readable ${PRISTINE_PATH}: the recorded hashes tell untouched files; other differences are merged as ` +
        `conflicts`,
    );
    return new Map();
  }
  const base = new Map<string, string>();
  for (const [file, contents] of Object.entries(pristine.data.files)) {
    checkProjectPath(PRISTINE_PATH, file);
    const recorded = record.files?.[file]?.hash;
    if (recorded && !hasHash(contents, recorded))
      notes.push(`${file}: the stored base does not match its recorded hash; not used`);
    else base.set(file, contents);
  }
  return base;
}

/**
 * The answers to render; a stored one the schema refuses is blamed on the record, not on a flag,
 * and one read from src/api.ts (`held`) on that file.
 */
function parseStored(answers: GivenAnswers, overrides: GivenAnswers, held: GivenAnswers): Answers {
  try {
    return parseAnswers(answers);
  } catch (error) {
    // A problem is the record's only when no answer it involves (a rule across answers involves several) was given.
    const involved = (field: string) => [
      field,
      ...CROSS_FIELD_RULES.filter((rule) => rule.field === field).flatMap((rule) => rule.needs),
    ];
    if (
      !(error instanceof InvalidAnswersError) ||
      error.errors.some((problem) => involved(problem.field).some((field) => field in overrides))
    )
      throw error;
    if (error.errors.some((problem) => problem.field in held)) {
      throw new UpdateError(
        `${API_PATH} holds answers this version refuses (its message names each by its ` +
          `flag):\n${error.message}\nExpected valid values: correct them in ${API_PATH}, then run update again.`,
      );
    }
    throw new UpdateError(
      `${YO_RC_PATH} holds answers this version refuses (its message names each by its ` +
        `flag):\n${error.message}\nExpected valid stored answers: give that flag to replace the answer, or ` +
        `restore ${YO_RC_PATH} (git checkout -- ${YO_RC_PATH}).`,
    );
  }
}

/**
 * `catalog.scaffoldedFrom`: the template reference that catalog-info.yaml's `spec.scaffoldedFrom`
 * is to hold (a Backstage front knows it); without one, the file's value is kept.
 */
export function computeUpdate(
  dir: string,
  overrides: GivenAnswers,
  catalog: { scaffoldedFrom?: string } = {},
): UpdateComputation {
  const notes: string[] = [];
  // Every file this computation reads is read where no component of its path is a link.
  const guard = new LinkGuard(dir);
  refuseLinks(dir, [STATE_DIR]);
  const { record, yoRc } = loadRecord(guard);
  if (isLaterVersion(record.generatorVersion, PACKAGE_VERSION)) {
    throw new UpdateError(
      `${dir} was generated by ${PACKAGE_NAME} ${record.generatorVersion}, later than this ${PACKAGE_VERSION}: ` +
        `its output would take the project back. Expected ${PACKAGE_VERSION} or earlier: run that version: npx ` +
        `${PACKAGE_NAME}@${record.generatorVersion} update.`,
    );
  }
  const migrated = migrateAnswers(record.answers, record.schemaVersion);
  notes.push(...migrated.applied.map((step) => `answers migrated: ${step}`));
  if (record.schemaVersion < ENVIRONMENTS_SCHEMA_VERSION)
    notes.push(
      'environments: npm run deploy:dev and npm run deploy:prod replace npm run deploy, each with its own stack ' +
        '(Terraform: its own workspace); the deployment made before stays as it is until you delete it ' +
        '(its CloudFormation stack, or the Terraform default workspace)',
    );
  // A checkout with CRLF line ends (Git's core.autocrlf on Windows) is compared and merged with
  // LF ends, as generated; its files are written back with CRLF, and so are files it gains when
  // most of the files read had CRLF.
  const [crlf, lf] = [new Set<string>(), new Set<string>()];
  const read = (file: string) => {
    const text = readText(guard, file);
    if (text === undefined) return undefined;
    const ends = text.includes('\r\n') ? crlf : lf;
    ends.add(file);
    return ends === crlf ? text.replaceAll('\r\n', '\n') : text;
  };
  const base = loadBase(guard, record, notes);
  // src/api.ts, once edited, is the user's source of the origins, scopes and routes.
  const inProject = answersInProject(read(API_PATH), base.get(API_PATH), migrated.answers, overrides);
  notes.push(...inProject.notes);
  const changed = withChanges({ ...migrated.answers, ...inProject.held }, overrides);
  if (changed.dropped.includes('issuer'))
    notes.push(
      `the issuer chosen for ${String(migrated.answers.userPoolId)} was dropped with that pool: give --issuer if ` +
        `the new pool needs one`,
    );
  if (record.schemaVersion < ENVIRONMENTS_SCHEMA_VERSION) refuseNoProductionOrigin(changed.answers);
  const answers = parseStored(changed.answers, overrides, inProject.held);
  const before = { ...migrated.answers, ...inProject.held };
  notes.push(...answerChangeNotes(before, answers, overrides));
  const next = renderProject(answers, { routes: inProject.routes });
  const unresolved = (record.conflicts ?? []).filter((file) => CONFLICT_MARKER.test(read(file) ?? ''));
  const resolved = (record.conflicts ?? []).filter((file) => !unresolved.includes(file));
  const plan = planUpdate({ base, recorded: record.files ?? {}, next, read });
  // The user's catalog file, which no template renders: two of its values kept current (catalog-info.ts).
  const catalogInfo = planCatalogInfo(plan, read, { templateVersion: PACKAGE_VERSION, ...catalog });
  notes.push(...catalogInfo.notes);

  const conflicts = plan.filter((entry) => entry.action === 'conflict').map((entry) => entry.path);
  conflicts.push(...unresolved.filter((file) => !conflicts.includes(file)));
  const crlfCheckout = crlf.size > lf.size;
  const lineEnds = (file: string, contents: string) =>
    crlf.has(file) || (crlfCheckout && !lf.has(file)) ? contents.replaceAll('\n', '\r\n') : contents;
  const writes = new Map<string, string | null>(
    changes(plan).map((entry) => [entry.path, entry.result == null ? null : lineEnds(entry.path, entry.result)]),
  );
  const own = recordOf(answers, next, conflicts);
  for (const [file, contents] of [
    [YO_RC_PATH, yoRcWith(yoRc, own.record)],
    [PRISTINE_PATH, own.pristine],
  ] as const) {
    if (read(file) !== contents) writes.set(file, lineEnds(file, contents));
  }
  return {
    answers,
    plan,
    writes,
    conflicts,
    notes,
    hadConflicts: (record.conflicts?.length ?? 0) > 0,
    unresolved,
    resolved,
    fromVersion: record.generatorVersion,
    previousIac: previousIac(before, answers),
  };
}

/**
 * A project of before environments whose origins were all loopback ones has none left for
 * production: they went to dev, and update will not invent a production origin. It stops before
 * writing anything and says which flag gives them.
 */
function refuseNoProductionOrigin(answers: GivenAnswers): void {
  if (!Array.isArray(answers.origins) || answers.origins.length > 0) return;
  const dev = Array.isArray(answers.devOrigins) ? answers.devOrigins.join(', ') : String(answers.devOrigins);
  throw new UpdateError(
    `This version deploys two environments, dev and prod, and production allows no loopback origin. The ` +
      `project's origins (${dev}) are all loopback ones: they stay in dev (--dev-origins), which leaves ` +
      `production none. Expected --origins with the origins of your deployed front end, e.g. update --origins ` +
      `https://app.example.com. Nothing was changed.`,
  );
}
