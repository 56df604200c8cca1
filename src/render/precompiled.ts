/**
 * The templates compiled ahead of time. From source there are none; the bundle
 * (scripts/bundle.mjs) replaces this module with every template's EJS-generated code and the
 * output file lists, so that the published renderer reads no file and loads no template engine.
 */
import type { TemplateFile, TemplateFunction } from './templates.js';

/** The output file lists of the template sets, and each template's function as EJS generates it. */
export const PRECOMPILED: { files: Record<string, TemplateFile[]>; functions: Record<string, TemplateFunction> } | undefined = undefined;
