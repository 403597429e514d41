// `npm run lint:openapi`: docs/openapi.json through two independent linters, Spectral's
// `spectral:oas` rules (.spectral.yaml) and Redocly's recommended ones (redocly.yaml). Any
// error fails. Both run offline: Redocly's usage telemetry is off here and in its config.
import { run } from './run.mjs';

const DOCUMENT = 'docs/openapi.json';
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

const spectral = await run('npx', ['spectral', 'lint', DOCUMENT, '--fail-severity', 'error']);
const redocly = await run('npx', ['redocly', 'lint', DOCUMENT], { env });
process.exit(spectral || redocly);
