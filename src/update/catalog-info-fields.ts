/**
 * Where the catalog entities of a service created through Backstage live, and the annotation that
 * names the version of this tool that last rendered it (catalog-info.ts keeps it current). Apart
 * from catalog-info.ts so that the main entry exports them without its YAML parser.
 */
export const CATALOG_INFO_PATH = 'catalog-info.yaml';
export const TEMPLATE_VERSION_ANNOTATION = 'backstage.io/template-version';
