import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { notFound } from '../shared/errors.js';
import { findCopy, listCopiesOf, presentCopy } from './repository.js';
import type { Copy, ListCopiesQuery } from './schemas.js';

/** Reading copies: anyone of the copying agency; another agency's copy answers as missing. */

export async function getCopy(ctx: Ctx, id: string): Promise<Copy> {
  const actor = requireActor(ctx);
  const row = await findCopy(ctx.db, actor.agencyId, id);
  if (!row) throw notFound('Bản sao');
  return presentCopy(row);
}

/** The copies the agency made of one document, signed or printed, in number order. */
export async function listCopies(ctx: Ctx, query: ListCopiesQuery): Promise<Copy[]> {
  const actor = requireActor(ctx);
  return (await listCopiesOf(ctx.db, actor.agencyId, query.sourceType, query.sourceId)).map(presentCopy);
}
