/**
 * Issue throughput (issue 5): documents issued per second, each one numbered in its series with
 * number and date written into the signed PDF, then given the organisation signature and
 * delivered — over HTTP as the clerk's browser calls it, the signing agent played in-process.
 * The drafts are taken through approval and the signer's signature first, untimed.
 */
import { openPglite, type DatabaseHandle } from '../src/infra/db/create-db.js';
import { migrateToLatest } from '../src/infra/db/migrator.js';
import { allMigrations } from '../src/runtime.js';
import { call } from '../test/harness/app.js';
import { agentSign, setupOutgoing, throughSigning, type OutgoingFixture } from '../src/outgoing/testkit.js';

const DOCUMENTS = 20;

async function issueOne(fx: OutgoingFixture, id: string) {
  const { t, s } = fx;
  await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/number`);
  const prepared = (await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).json();
  const done = await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/complete`, await agentSign(fx.pki.rsa, prepared));
  if (done.statusCode !== 200) throw new Error(done.body);
}

async function benchOne(label: string, handle: DatabaseHandle): Promise<string> {
  await migrateToLatest(handle.db, allMigrations());
  const fx = await setupOutgoing(handle);
  try {
    const ids = [];
    for (let i = 0; i < DOCUMENTS; i++) ids.push(await throughSigning(fx, { summary: `Về việc đo tốc độ phát hành, văn bản ${i + 1}` }));
    const start = performance.now();
    for (const id of ids) await issueOne(fx, id);
    const ms = performance.now() - start;
    return `outgoing issue (${label}): ${((DOCUMENTS / ms) * 1000).toFixed(1)} documents/s, ${(ms / DOCUMENTS).toFixed(0)} ms each (number + fill + organisation signature + delivery to 1 agency)`;
  } finally {
    await fx.close();
  }
}

/** PGlite in memory: the per-document work (PDF fill, two signatures' checks, files) dominates, not the engine. */
export async function benchOutgoing(): Promise<string[]> {
  const mem = await openPglite();
  try {
    return [await benchOne('pglite memory', mem)];
  } finally {
    await mem.close();
  }
}
