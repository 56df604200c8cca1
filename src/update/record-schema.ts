/**
 * The shape of what a generated project records about itself (see record.ts), as `update` reads
 * it back. Only `update` parses records, so a new project's run does not build these schemas.
 */
import * as z from 'zod/mini';

const FileRecord = z.object({ hash: z.string(), ownership: z.enum(['managed', 'sample']) });

export const ProjectRecord = z.object({
  /** Absent in projects from before answers had a schema version: those are version 1. */
  schemaVersion: z._default(z.int().check(z.positive()), 1),
  generatorVersion: z.string(),
  answers: z.record(z.string(), z.unknown()),
  files: z.optional(z.record(z.string(), FileRecord)),
  /** Files an update left with conflict markers. */
  conflicts: z.optional(z.array(z.string())),
});
export type ProjectRecord = z.infer<typeof ProjectRecord>;

export const Pristine = z.object({ generatorVersion: z.string(), files: z.record(z.string(), z.string()) });
export type Pristine = z.infer<typeof Pristine>;
