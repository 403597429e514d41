// Handlers are registered by operationId against the contract's declarations
// (contract/operations.ts): method and path are written there only, and an operation without a
// handler does not compile.
import type { Handler, Hono } from 'hono';
import { operationList, type OPERATIONS, type OperationId } from '../../contract/operations.ts';
import type { AppEnv } from './auth.ts';

/** The handler of each operation, typed by its path's parameters. */
export type Handlers = {
  [Id in OperationId]: Handler<AppEnv, (typeof OPERATIONS)[Id]['path']>;
};

/** Registers each operation's handler at its declared method and path, in declaration order. */
export function registerOperations(app: Hono<AppEnv>, handlers: Handlers): void {
  for (const { id, method, path } of operationList()) {
    app.on(method, path, handlers[id] as Handler<AppEnv>);
  }
}
