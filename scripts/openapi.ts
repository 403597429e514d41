// `npm run openapi`: writes docs/openapi.json from the contract's schemas and routes.
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../contract/openapi.ts';

writeFileSync('docs/openapi.json', `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('Wrote docs/openapi.json');
