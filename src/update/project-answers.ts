/**
 * The answers a project holds in src/api.ts beside those stored in .yo-rc.json. The generated
 * README tells users to edit src/api.ts; once they have, it is their source of truth: update
 * renders with its origins, scopes and routes (saying so), and refuses an answer flag that
 * disagrees with them rather than revert either side silently.
 */
import { AnswersDisagreeError, ProjectApiError, RouteError } from '../errors.js';
import type { GivenAnswers } from '../schema/answers.js';
import { normaliseAnswer } from '../schema/parse.js';
import { parseRoutes, SAMPLE_ROUTES, type ProtectedRoute } from '../schema/routes.js';
import { flagOf } from '../schema/rules.js';
import { CONFLICT_MARKER } from './merge.js';
import { API_PATH, readProjectApi, type ProjectApi } from './project-api.js';
import { YO_RC_PATH } from './record.js';

export interface ProjectAnswers {
  /** Answers src/api.ts gives where it was edited since generation: over the stored ones, under the flags. */
  held: GivenAnswers;
  /** Protected routes beside the sample, as src/api.ts lists them (checked by parseRoutes). */
  routes: ProtectedRoute[];
  notes: string[];
}

/** The answers src/api.ts holds, and where each is written there. */
const HELD = [
  { field: 'origins', property: 'environments.prod.allowOrigins', what: 'allows in production the origins' },
  { field: 'devOrigins', property: 'environments.dev.allowOrigins', what: 'allows in dev the origins' },
  { field: 'scopes', property: 'auth.scopes', what: 'requires the scopes' },
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const listed = (values: unknown) =>
  Array.isArray(values) ? (values.length > 0 ? values.join(', ') : 'none') : JSON.stringify(values);
const routeKey = (route: { method?: unknown; path?: unknown }) => `${String(route.method)} ${String(route.path)}`;

/**
 * What src/api.ts (`current`, absent when deleted) holds of the answers, over the `stored` ones;
 * `generated` is the file as generated last, if the base has it. While the file holds conflict
 * markers the stored answers stand: it is read again once they are resolved.
 */
export function answersInProject(
  current: string | undefined,
  generated: string | undefined,
  stored: GivenAnswers,
  overrides: GivenAnswers,
): ProjectAnswers {
  if (current === undefined) return { held: {}, routes: [], notes: [] };
  if (CONFLICT_MARKER.test(current))
    return {
      held: {},
      routes: [],
      notes: [`${API_PATH} holds conflict markers: its origins, scopes and routes are read once they are resolved`],
    };
  const api = readProjectApi(current);
  let before: ProjectApi | undefined;
  try {
    before = generated === undefined ? undefined : generated === current ? api : readProjectApi(generated);
  } catch {
    // A base that cannot be read only costs the routes note its comparison.
  }
  return projectAnswers(api, stored, overrides, before);
}

/**
 * Lays what `api` (the project's src/api.ts) holds over the `stored` answers; `overrides` are the
 * answer flags given; `generated` is what src/api.ts held as generated last, if known (for routes,
 * which the record does not store).
 */
export function projectAnswers(
  api: ProjectApi,
  stored: GivenAnswers,
  overrides: GivenAnswers,
  generated?: ProjectApi,
): ProjectAnswers {
  const held: GivenAnswers = {};
  const notes: string[] = [];
  for (const { field, property, what } of HELD) {
    // The same as stored, even where the schema refuses both (a project of before environments whose origins were
    // all loopback ones has none for production): nothing was edited, and a flag may give them.
    if (same(api[field], stored[field])) continue;
    const inFile = normaliseAnswer(field, api[field]);
    // A value the schema refuses counts as edited: parsing the answers then blames src/api.ts.
    if (inFile !== undefined && same(inFile, normaliseAnswer(field, stored[field]))) continue;
    if (field in overrides) {
      const given = normaliseAnswer(field, overrides[field]);
      if (given === undefined || same(given, inFile)) continue; // a bad flag: the schema explains it
      const flag = flagOf(field);
      throw new AnswersDisagreeError(
        `${API_PATH} ${what} ${JSON.stringify(api[field])} (${property}), but ${flag} gives ` +
          `${JSON.stringify(given)}, and ${YO_RC_PATH} ` +
          `has ${JSON.stringify(stored[field])}. Expected one value: ${API_PATH} has been edited since ` +
          `generation, so update reads it there; ` +
          `leave out ${flag} (or give ${flag} ${api[field].join(',') || '""'}) to keep it, or edit ${property} ` +
          `in ${API_PATH} to the value you want ` +
          'and run update without the flag. Nothing was changed.',
      );
    }
    held[field] = api[field];
    notes.push(`${field} read from ${API_PATH}: ${listed(api[field])} (${YO_RC_PATH} had ${listed(stored[field])})`);
  }
  const routes = ownRoutes(api);
  const [now, before] = [routes.map(routeKey), generated && generatedRoutes(generated)];
  // Said when they differ from those generated last (always, with no base to compare with, unless there are none).
  if (now.length > 0 ? !same(before, now) : (before?.length ?? 0) > 0) {
    notes.push(
      `routes read from ${API_PATH}: ` +
        `${now.join(', ') || `none beside the sample ${SAMPLE_ROUTES.map(routeKey).join(', ')}`}`,
    );
  }
  return { held, routes, notes };
}

const isSample = (route: Record<string, unknown>) =>
  !('scopes' in route) &&
  SAMPLE_ROUTES.some(
    (sample) => sample.method === route.method && sample.path === route.path && sample.handler === route.handler,
  );

/** The routes beside the sample, checked; a problem is blamed on src/api.ts, at its index there. */
function ownRoutes(api: ProjectApi): ProtectedRoute[] {
  const kept = api.routes.flatMap((route, index) => (isSample(route) ? [] : [index]));
  try {
    return parseRoutes(kept.map((index) => api.routes[index]));
  } catch (error) {
    if (!(error instanceof RouteError)) throw error;
    const message = error.message.replace(/routes\[(\d+)\]/g, (_, index: string) => `routes[${kept[Number(index)]}]`);
    throw new ProjectApiError(`${API_PATH}: ${message}\nFix the route in ${API_PATH}, then run update again.`);
  }
}

/** The routes of src/api.ts as generated last, or `undefined` if they cannot be read. */
function generatedRoutes(generated: ProjectApi): string[] | undefined {
  try {
    return ownRoutes(generated).map(routeKey);
  } catch {
    return undefined;
  }
}
