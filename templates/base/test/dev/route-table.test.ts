/** The dev server serves exactly the routes the infrastructure deploys. */
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../dev/routes';
import { iacRouteTable } from '../infra/route-table';

const key = (route: {
  method: string;
  path: string;
  authorization: string;
  scopes: readonly string[];
  handler: string;
}) => `${route.method} ${route.path} ${route.authorization} [${[...route.scopes].join(' ')}] -> ${route.handler}`;

describe('dev route table', () => {
  it("equals the infrastructure's: methods, paths, authorization, scopes and handlers", async () => {
    expect(routeTable().map(key).sort()).toEqual((await iacRouteTable()).map(key).sort());
  });
});
