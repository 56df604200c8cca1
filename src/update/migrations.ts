/**
 * Answer migrations: ordered, versioned steps that move stored answers from older schema
 * versions to the current one, so that `update` can re-render any earlier project.
 */
import { UpdateError } from '../errors.js';

export const ANSWERS_SCHEMA_VERSION = 2;

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
];

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
