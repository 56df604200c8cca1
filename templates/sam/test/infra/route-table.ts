/** The routes the SAM template deploys, read from the parsed template.yaml. */
import { fileURLToPath } from 'node:url';
import { loadSamTemplate, samRoutes, type DeployedRoute } from './sam-template';

export async function iacRouteTable(): Promise<DeployedRoute[]> {
  return samRoutes(loadSamTemplate(fileURLToPath(new URL('../../template.yaml', import.meta.url))));
}
