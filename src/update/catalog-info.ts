/**
 * catalog-info.yaml, the catalog entities of a service created through Backstage, is the user's
 * file: its owner, tags, description and whatever else they add are theirs. `update` keeps two
 * values in it current and touches nothing else: the `backstage.io/template-version` annotation
 * (the version of this tool that last rendered the project) and, when a template reference is
 * given, `spec.scaffoldedFrom`. Each is changed only in an entity that has it: one you removed
 * stays removed, and a catalog file written by hand is left as it is. Only the bytes of those
 * values are replaced, so comments, order, quoting and layout stay yours; a file this cannot read
 * as YAML is left alone with a note, never an error.
 */
import { isScalar, parseAllDocuments, stringify, type Document, type Scalar } from 'yaml';
import { SymbolicLinkError } from '../errors.js';
import { CATALOG_INFO_PATH, TEMPLATE_VERSION_ANNOTATION } from './catalog-info-fields.js';
import type { PlanEntry } from './plan.js';

export { CATALOG_INFO_PATH, TEMPLATE_VERSION_ANNOTATION };

export interface CatalogInfoValues {
  /** The version this tool renders the project at. */
  templateVersion: string;
  /** The entity ref of the template the service was created from; absent: the file's value is kept. */
  scaffoldedFrom?: string;
}

/** The values `update` keeps current, each with its path in an entity and its value to be. */
function fieldsOf(values: CatalogInfoValues): Array<{ name: string; path: string[]; value: string }> {
  return [
    {
      name: `the ${TEMPLATE_VERSION_ANNOTATION} annotation`,
      path: ['metadata', 'annotations', TEMPLATE_VERSION_ANNOTATION],
      value: values.templateVersion,
    },
    ...(values.scaffoldedFrom === undefined
      ? []
      : [{ name: 'spec.scaffoldedFrom', path: ['spec', 'scaffoldedFrom'], value: values.scaffoldedFrom }]),
  ];
}

export interface CatalogInfoUpdate {
  /** The new contents, when a value changes. */
  contents?: string;
  /** What changed, one line per value ("spec.scaffoldedFrom of Component orders-api: ... → ..."). */
  changed: string[];
  /** Why the file was left alone, when it could not be read. */
  notes: string[];
  /** Whether an entity of the file carries a value this keeps current. */
  tracked: boolean;
}

/** The text of `value` in the style of the scalar it replaces (block scalars become double-quoted). */
function scalarText(node: Scalar, value: string, replaced: string): string {
  const type = node.type === 'QUOTE_SINGLE' || node.type === 'PLAIN' ? node.type : 'QUOTE_DOUBLE';
  // The library quotes a plain value that would read back as something else ("1.0" as a number).
  const text = stringify(value, { lineWidth: 0, defaultStringType: type }).replace(/\n$/, '');
  // A block scalar's range holds the line end that closes it.
  return text + (/(?:\r?\n)+$/.exec(replaced)?.[0] ?? '');
}

// The library's limit on aliases kept: a planted file of nested aliases would otherwise expand to gigabytes.
const plain = (document: Document) => JSON.stringify(document.toJS());

const unchanged = (note: string): CatalogInfoUpdate => ({
  changed: [],
  notes: [`${CATALOG_INFO_PATH}: ${note}; left as it is`],
  tracked: false,
});

/** `text` with the tracked values that differ from `values` replaced; never throws on what the file holds. */
export function updateCatalogInfo(text: string, values: CatalogInfoValues): CatalogInfoUpdate {
  try {
    return replaceValues(text, values);
  } catch (error) {
    // A document the library reads but cannot turn into values (an alias to itself, say).
    return unchanged(`not YAML this update can read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function replaceValues(text: string, values: CatalogInfoValues): CatalogInfoUpdate {
  const documents = parseAllDocuments(text);
  const broken = 'empty' in documents ? undefined : documents.find((document) => document.errors.length > 0);
  if (broken) return unchanged(`not YAML this update can read (${broken.errors[0]!.message.split('\n')[0]})`);
  if ('empty' in documents) return { changed: [], notes: [], tracked: false };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const changed: string[] = [];
  let tracked = false;
  for (const [index, document] of documents.entries()) {
    const [kind, name] = [document.get('kind'), document.getIn(['metadata', 'name'])];
    const entity = typeof kind === 'string' && typeof name === 'string' ? `${kind} ${name}` : `entity ${index + 1}`;
    for (const field of fieldsOf(values)) {
      const node = document.getIn(field.path, true);
      if (!isScalar(node) || !['string', 'number'].includes(typeof node.value) || !node.range) continue;
      tracked = true;
      if (node.value === field.value) continue;
      const [start, end] = node.range;
      edits.push({ start, end, text: scalarText(node, field.value, text.slice(start, end)) });
      changed.push(`${field.name} of ${entity}: ${node.value} → ${field.value}`);
      document.setIn(field.path, field.value);
    }
  }
  if (edits.length === 0) return { changed, notes: [], tracked };
  let contents = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    contents = contents.slice(0, edit.start) + edit.text + contents.slice(edit.end);
  // The edit must read back as the intended entities, the new values in place and all else as before.
  const reread = parseAllDocuments(contents);
  const expected = documents.map(plain);
  if (
    'empty' in reread ||
    reread.some((document) => document.errors.length > 0) ||
    JSON.stringify(reread.map(plain)) !== JSON.stringify(expected)
  )
    return unchanged('its values could not be replaced without changing others');
  return { contents, changed, notes: [], tracked };
}

/**
 * Adds the plan's entry for catalog-info.yaml (the user's file, which no template renders) to
 * `plan`, in path order, unless the project has no such file (or the template renders one), or
 * none of its entities carries a value this keeps current. A link in its place is left alone.
 */
export function planCatalogInfo(
  plan: PlanEntry[],
  read: (path: string) => string | undefined,
  values: CatalogInfoValues,
): { notes: string[] } {
  if (plan.some((entry) => entry.path === CATALOG_INFO_PATH)) return { notes: [] };
  let current: string | undefined;
  try {
    current = read(CATALOG_INFO_PATH);
  } catch (error) {
    if (!(error instanceof SymbolicLinkError)) throw error;
    return { notes: unchanged('a symbolic link, which update does not follow').notes };
  }
  if (current === undefined) return { notes: [] };
  const { contents, changed, notes, tracked } = updateCatalogInfo(current, values);
  if (!tracked) return { notes };
  const entry: PlanEntry =
    contents === undefined
      ? { path: CATALOG_INFO_PATH, action: 'unchanged', reason: 'already current', ownership: 'sample', current }
      : {
          path: CATALOG_INFO_PATH,
          action: 'update',
          reason: `your catalog entities, where only these change: ${changed.join('; ')}`,
          ownership: 'sample',
          result: contents,
          current,
        };
  const at = plan.findIndex((other) => other.path > CATALOG_INFO_PATH);
  plan.splice(at === -1 ? plan.length : at, 0, entry);
  return { notes };
}
