/**
 * src/update/, above the renderer: a project's record, and its three-way regeneration.
 *
 * Computes a generated project's update from its record and merge base (load-record.ts).
 */
import { InvalidAnswersError, UpdateError } from '../errors.js';
import { renderProject } from '../render/render-project.js';
import { CROSS_FIELD_RULES, type Answers, type GivenAnswers } from '../schema/answers.js';
import { parseAnswers, withChanges } from '../schema/parse.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';
import { LinkGuard, refuseLinks, STATE_DIR } from '../io/confine.js';
import { answerChangeNotes, previousIac } from './answer-changes.js';
import { planCatalogInfo } from './catalog-info.js';
import { loadBase, loadRecord, readText } from './load-record.js';
import { deployRoleNotes } from './deploy-role-notes.js';
import { CONFLICT_MARKER } from './merge.js';
import { ENVIRONMENTS_SCHEMA_VERSION, migrateAnswers } from './migrations.js';
import { API_PATH } from './project-api.js';
import { answersInProject } from './project-answers.js';
import { changes, planUpdate, type PlanEntry } from './plan.js';
import { PRISTINE_PATH, recordOf, yoRcWith, YO_RC_PATH } from './record.js';
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

/**
 * The answers to render; a stored one the schema refuses is blamed on the record, not on a flag,
 * and one read from src/api.ts (`held`) on that file.
 */
function parseStored(
  answers: GivenAnswers,
  overrides: GivenAnswers,
  held: GivenAnswers,
  stored: GivenAnswers,
): Answers {
  try {
    return parseAnswers(answers);
  } catch (error) {
    if (!(error instanceof InvalidAnswersError)) throw error;
    // A problem is the flags' when it involves an answer given (a rule across answers involves several), and the
    // stored answers did not have it already.
    const involved = (field: string) => [
      field,
      ...CROSS_FIELD_RULES.filter((rule) => rule.field === field).flatMap((rule) => rule.needs),
    ];
    // A new user pool brings its region (withChanges), so a rule on the region involves --user-pool-id.
    const given = (field: string) => field in overrides || (field === 'region' && 'userPoolId' in overrides);
    const before = problemFieldsOf(stored);
    if (error.errors.some((problem) => !before.has(problem.field) && involved(problem.field).some(given))) throw error;
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

/** The fields of the answers the schema refuses. */
function problemFieldsOf(answers: GivenAnswers): Set<string> {
  try {
    parseAnswers(answers);
    return new Set();
  } catch (error) {
    if (!(error instanceof InvalidAnswersError)) throw error;
    return new Set(error.errors.map((problem) => problem.field));
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
  const before = { ...migrated.answers, ...inProject.held };
  const answers = parseStored(changed.answers, overrides, inProject.held, before);
  notes.push(...answerChangeNotes(before, answers, overrides));
  const next = renderProject(answers, { routes: inProject.routes });
  const unresolved = (record.conflicts ?? []).filter((file) => CONFLICT_MARKER.test(read(file) ?? ''));
  const resolved = (record.conflicts ?? []).filter((file) => !unresolved.includes(file));
  const plan = planUpdate({ base, recorded: record.files ?? {}, next, read });
  // The user's catalog file, which no template renders: two of its values kept current (catalog-info.ts).
  const catalogInfo = planCatalogInfo(plan, read, { templateVersion: PACKAGE_VERSION, ...catalog });
  notes.push(...catalogInfo.notes, ...deployRoleNotes(plan, new Set(next.map((file) => file.path))));

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
