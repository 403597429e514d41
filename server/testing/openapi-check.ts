// Test support: checks a response against the generated OpenAPI document, so every server
// test also proves that the document describes what the server really answers.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildOpenApi } from '../../contract/openapi.ts';

const document = buildOpenApi();
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.addSchema(document.components.schemas.Error, '#/components/schemas/Error');

type Responses = Record<string, { content?: { 'application/json': { schema: object } } }>;
const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
    responses: (op as { responses: Responses }).responses,
  })),
);
const validators = new Map<object, ReturnType<typeof ajv.compile>>();

/** Throws when the document lacks the route or status, or the body breaks its schema. */
export function checkResponse(method: string, path: string, status: number, body: unknown) {
  const pathname = path.split('?')[0]!;
  if (!/^\/(campaign|conversations)\//.test(pathname)) return;
  const op = operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(pathname));
  // Routes the API does not have answer 404 with an error body, as the document's errors do.
  const response = op
    ? op.responses[status]
    : status === 404
      ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
      : undefined;
  if (!response) throw new Error(`OpenAPI document has no ${status} for ${method} ${pathname}`);
  const schema = response.content?.['application/json'].schema;
  if (!schema) {
    if (body !== undefined)
      throw new Error(`OpenAPI document says ${method} ${pathname} ${status} has no body`);
    return;
  }
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
  if (!validate(body)) {
    throw new Error(
      `${method} ${pathname} ${status} breaks the OpenAPI document: ${ajv.errorsText(validate.errors)}`,
    );
  }
}
