import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/database.js';

/** Runs a mutating command in one transaction per request (number, record and audit commit together). */
export function withTx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const ctx = request.ctx;
  return inTransaction(ctx.db, (trx) => fn({ ...ctx, db: trx }));
}
