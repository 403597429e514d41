import type { ValidationIssue } from '../../contract/schemas.ts';

/** An error answered as the contract's `{ detail }` body with its status code. */
export class HttpError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  readonly detail: string | ValidationIssue[];
  readonly headers: Record<string, string>;

  constructor(
    status: HttpError['status'],
    detail: string | ValidationIssue[],
    headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : detail.map((d) => d.msg).join('; '));
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);

type ZodLikeIssue = { path: readonly PropertyKey[]; message: string; code: string };

/** zod issues → the contract's 422 list, located in the body or the query. */
export function validationDetail(
  where: 'body' | 'query' | 'path',
  issues: readonly ZodLikeIssue[],
): ValidationIssue[] {
  return issues.map((issue) => ({
    loc: [where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    msg: issue.message,
    type: issue.code,
  }));
}
