import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';

/**
 * How a module answers for the stored files its objects hold (a document's PDF, a copy, a seal
 * image): `undefined` when none of its objects holds the file, otherwise whether the actor may read
 * one that does, by the same rule as reading the object itself. Declared on AppModule, so this
 * infrastructure never names a domain's tables.
 */
export type FileHolders = (db: Db, actor: Actor, fileId: string) => Promise<boolean | undefined>;

const declared: FileHolders[] = [];

export function declareFileHolders(holders: FileHolders): void {
  if (!declared.includes(holders)) declared.push(holders);
}

/**
 * A file is readable exactly when an object holding it is readable by the actor. A file nothing
 * holds yet (an upload about to be attached to a draft or a registration) is its uploader's alone.
 */
export async function mayReadFile(db: Db, actor: Actor, file: { id: string; createdBy: string | null }): Promise<boolean> {
  let held = false;
  for (const holders of declared) {
    const answer = await holders(db, actor, file.id);
    if (answer) return true;
    if (answer === false) held = true;
  }
  return !held && file.createdBy === actor.userId;
}
