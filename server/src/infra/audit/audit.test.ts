import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEngines } from '../../../test/harness/engines.js';
import { inTransaction } from '../db/database.js';
import { FixedClock } from '../time/clock.js';
import type { Ctx } from '../context.js';
import { recordAudit, verifyAuditChain } from './audit.js';
import { canonicalJson } from './chain.js';

describeEngines('audit log', (get) => {
  const clock = new FixedClock(new Date('2026-05-04T09:30:15+07:00'));
  const actor = { userId: '11111111-1111-4111-8111-111111111111', username: 'vanthu.snv', fullName: 'Nguyễn Thị Lan', agencyId: '22222222-2222-4222-8222-222222222222', unitId: null, roles: ['clerk' as const] };
  const append = (action: string, details: Record<string, unknown> = {}) =>
    inTransaction(get().db, (trx) => recordAudit({ db: trx, clock, actor, ip: '127.0.0.1', files: undefined as never } satisfies Ctx, { action, objectType: 'document', objectId: action, details }));

  beforeAll(async () => {
    for (let i = 1; i <= 5; i++) {
      clock.advance(1000);
      await append(`doc.read.${i}`, { b: i, a: { z: 'Đường', y: [1, 2] } });
    }
  });
  afterAll(async () => undefined);

  it('[Q-18.4] an intact chain verifies', async () => {
    expect(await verifyAuditChain(get().db)).toEqual({ checked: 5, broken: null });
  });

  it('[Q-18.4] an entry rolled back with its transaction leaves no trace', async () => {
    await expect(
      inTransaction(get().db, async (trx) => {
        await recordAudit({ db: trx, clock, actor, ip: null, files: undefined as never }, { action: 'doomed' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'doomed'`.execute(get().db);
    expect(rows.rows[0].n).toBe(0);
  });

  it('[Q-18.4] the database refuses UPDATE, DELETE and TRUNCATE of the log', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(get().db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(get().db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(get().db)).rejects.toThrow(/append-only/);
  });

  it('[Q-18.4] a row edited behind the triggers is found, named by its sequence number', async () => {
    const db = get().db;
    await sql`alter table audit_log disable trigger user`.execute(db);
    await sql`update audit_log set details = '{"b": 99}'::jsonb where seq = 3`.execute(db);
    await sql`alter table audit_log enable trigger user`.execute(db);
    const result = await verifyAuditChain(db, 2);
    expect(result.broken).toMatchObject({ seq: 3, reason: expect.stringMatching(/altered/) });
    expect(result.checked).toBe(2);
  });

  it('[Q-18.4] a deleted row is found at the entry after it', async () => {
    const db = get().db;
    await sql`alter table audit_log disable trigger user`.execute(db);
    await sql`delete from audit_log where seq in (3)`.execute(db);
    await sql`alter table audit_log enable trigger user`.execute(db);
    expect((await verifyAuditChain(db)).broken).toMatchObject({ seq: 4, reason: expect.stringMatching(/removed/) });
  });
});

it('canonical JSON does not depend on key order (jsonb reorders keys)', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }));
});
