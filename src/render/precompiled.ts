/**
 * The templates compiled ahead of time. From source there are none; the bundle
 * (scripts/bundle.mjs) replaces this module with every template's EJS-generated code and the
 * output file lists, so that the published renderer reads no file and loads no template engine.
 */
import type { Ownership } from './flavours.js';
export interface TemplateFile {
  /** Output path relative to the project root, with `/` separators. */
  path: string;
  /** The template: `<set>/<path in the set>`. */
  key: string;
  /** `sample` for a template under a set's `samples/` folder, `managed` for the rest. */
  ownership: Ownership;
}

/** A compiled template, as EJS generates it: a function of the data and the escape function. */
export type TemplateFunction = (locals: object, escapeFn: (value: unknown) => string) => string;

/** The output file lists of the template sets, and each template's function as EJS generates it. */
export interface PrecompiledTemplates {
  files: Record<string, TemplateFile[]>;
  functions: Record<string, TemplateFunction>;
}
export const PRECOMPILED: PrecompiledTemplates | undefined = undefined;
