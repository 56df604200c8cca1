/**
 * Answer migrations: ordered, versioned steps that move stored answers from older schema
 * versions to the current one, so that `update` can re-render any earlier project.
 */
import { UpdateError } from '../errors.js';
import { splitList, splitOrigins } from '../schema/rules.js';

export const ANSWERS_SCHEMA_VERSION = 3;

interface Migration {
  from: number;
  to: number;
  description: string;
  migrate(answers: Record<string, unknown>): Record<string, unknown>;
}

const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description: 'nodejs20.x left Lambda support (April 2026): the runtime moves to nodejs22.x',
    migrate: (answers) => (answers.runtime === 'nodejs20.x' ? { ...answers, runtime: 'nodejs22.x' } : answers),
  },
  {
    from: 2,
    to: 3,
    description:
      'environments dev and prod: loopback origins go to dev only (--dev-origins), every other origin to both',
    migrate: migrateToEnvironments,
  },
];

/**
 * One list of origins becomes two: production's (`origins`) loses the loopback ones, dev's
 * (`devOrigins`) keeps every one, so that no origin is lost. Production may be left with none:
 * update then asks for them (see project.ts) rather than guess.
 */
function migrateToEnvironments(answers: Record<string, unknown>): Record<string, unknown> {
  if ('devOrigins' in answers) return answers;
  const raw = answers.origins;
  if (typeof raw !== 'string' && !Array.isArray(raw)) return answers; // the schema says what is wrong
  const origins = splitList(typeof raw === 'string' ? raw : raw.map(String));
  const { prod, dev } = splitOrigins(origins);
  return { ...answers, origins: prod, devOrigins: dev };
}

/** Applies every migration from `version` on, in order; returns the answers and what changed. */
export function migrateAnswers(
  answers: Record<string, unknown>,
  version: number,
): { answers: Record<string, unknown>; applied: string[] } {
  if (version > ANSWERS_SCHEMA_VERSION) {
    throw new UpdateError(
      `The project's answers have schema version ${version}, newer than this tool's ${ANSWERS_SCHEMA_VERSION}. ` +
        `Expected an equal or older one: run the latest create-cognito-jwt-api.`,
    );
  }
  let current = answers;
  const applied: string[] = [];
  for (let at = version; at < ANSWERS_SCHEMA_VERSION; ) {
    const step = MIGRATIONS.find((migration) => migration.from === at);
    if (!step)
      throw new UpdateError(
        `No migration from answers schema version ${at}. Expected one of ${MIGRATIONS.map((m) => m.from).join(', ')}.`,
      );
    const next = step.migrate(current);
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      applied.push(`${step.from}→${step.to}: ${step.description}`);
    }
    current = next;
    at = step.to;
  }
  return { answers: current, applied };
}

/** The schema version from which answers have environments (`devOrigins` beside production's `origins`). */
export const ENVIRONMENTS_SCHEMA_VERSION = 3;
