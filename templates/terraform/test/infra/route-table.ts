/** The routes the Terraform configuration deploys, read from the parsed `.tf` files. */
import { fileURLToPath } from 'node:url';
import { loadTerraform, terraformRoutes, type DeployedRoute } from './terraform-configuration';

export async function iacRouteTable(): Promise<DeployedRoute[]> {
  return terraformRoutes(await loadTerraform(fileURLToPath(new URL('../../infra/', import.meta.url))));
}
