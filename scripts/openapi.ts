// `npm run openapi`: writes docs/openapi.json and the scope table (contract/route-table.ts)
// from the operations' declarations (contract/operations.ts).
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { buildOpenApi } from '../contract/openapi.ts';
import { routeRules } from '../contract/operations.ts';

writeFileSync('docs/openapi.json', `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('Wrote docs/openapi.json');

const TABLE = 'contract/route-table.ts';
const source = `// Generated from contract/operations.ts by \`npm run openapi\`; a test keeps the two equal.
// The scope table's rules without the operations' summaries and schemas, for the SPA's first
// screen (scopes.ts).
import type { RouteRule } from './scopes.ts';

/** Every route of the API; the first rule whose method and path match applies. */
export const ROUTES: readonly RouteRule[] = ${JSON.stringify(routeRules())};
`;
writeFileSync(TABLE, await format(source, { ...(await resolveConfig(TABLE)), filepath: TABLE }));
console.log(`Wrote ${TABLE}`);
