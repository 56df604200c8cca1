/**
 * A file the project type keeps current: written on every `npx projen`, read-only unless told otherwise, and marked
 * "generated" in the comment syntax of its language (a "//" key in JSON).
 */
import { FileBase, type IResolver, type Project } from 'projen';

/** JSON files whose readers refuse unknown keys, so that a "//" key would break them: they go unmarked. */
const STRICT_JSON = new Set(['biome.json']);

function withMarker(path: string, contents: string, marker: string | undefined): string {
  if (!marker || STRICT_JSON.has(path)) return contents;
  if (path.endsWith('.json')) {
    const { '//': _old, ...object } = JSON.parse(contents) as Record<string, unknown>;
    return `${JSON.stringify({ '//': marker, ...object }, null, 2)}\n`;
  }
  if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(path)) return `// ${marker}\n${contents}`;
  if (/\.(tf|hcl|ya?ml|toml)$/.test(path) || path.endsWith('.gitignore')) return `# ${marker}\n${contents}`;
  if (path.endsWith('.md')) return `<!-- ${marker} -->\n${contents}`;
  return contents;
}

export class ManagedFile extends FileBase {
  constructor(
    project: Project,
    filePath: string,
    private readonly contents: string,
    { readonly = true }: { readonly?: boolean } = {},
  ) {
    super(project, filePath, { readonly, marker: true });
  }

  protected synthesizeContent(_resolver: IResolver): string {
    return withMarker(this.path, this.contents, this.marker);
  }
}
