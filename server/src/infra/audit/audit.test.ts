import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEngines } from '../../../test/harness/engines.js';
import { inTransaction, type Db } from '../db/database.js';
import { FixedClock } from '../time/clock.js';
import type { Ctx } from '../context.js';
import { recordAudit, verifyAuditChain } from './audit.js';
import { AuditValueError, canonicalJson, entryHash, type AuditDetails, type AuditJson } from './chain.js';

const actor = { userId: '11111111-1111-4111-8111-111111111111', username: 'vanthu.snv', fullName: 'Nguyễn Thị Lan', agencyId: '22222222-2222-4222-8222-222222222222', unitId: null, roles: ['clerk' as const] };

function appender(db: () => Db, clock: FixedClock) {
  return (action: string, details: AuditDetails = {}) =>
    inTransaction(db(), (trx) => recordAudit({ db: trx, clock, actor, ip: '127.0.0.1', files: undefined as never } satisfies Ctx, { action, objectType: 'document', objectId: action, details }));
}

/** Behind the append-only triggers, as someone with the database owner's rights would. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger user`.execute(db);
  await statement.execute(db);
  await sql`alter table audit_log enable trigger user`.execute(db);
}

/** A small seeded generator (mulberry32): the same "random" details on every run and engine. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const alphabet = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬỀẾỂỄỆỒỐỔỖỘỜỚỞỠỢỪỨỬỮỰ ,.;:"\'\\/\n\t\u0001\u001f\u007f€😀𝔸{}[]<>&%_', 'e\u0301'];
  const str = () => Array.from({ length: Math.floor(next() * 12) }, () => pick(alphabet)).join('');
  const num = (): number =>
    pick([
      () => Math.floor(next() * 2 ** 31) - 2 ** 30,
      () => (next() - 0.5) * 10 ** Math.floor(next() * 36 - 20),
      () => pick([0, 1, -1, 0.1, 0.2 + 0.1, 1e-7, 5e-324, -2.5e-300, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 123456789.123456789]),
    ])();
  const value = (depth: number): AuditJson => {
    const kind = depth > 3 ? Math.floor(next() * 4) : Math.floor(next() * 6);
    switch (kind) {
      case 0:
        return str();
      case 1:
        return num();
      case 2:
        return pick([true, false]);
      case 3:
        return null;
      case 4:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [str(), value(depth + 1)]));
    }
  };
  return () => Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 5) }, () => [str(), value(0)])) as AuditDetails;
}

/** The shapes the modules log today (collected from the recordAudit callers), including ISO dates. */
const RECORDED_KINDS: AuditDetails[] = [
  {},
  { username: 'vanthu.snv', reason: 'bad_credentials' },
  { issuer: 'C=VN, O=Ban Cơ yếu Chính phủ, CN=CA phục vụ các cơ quan Nhà nước', thisUpdate: '2026-05-04T02:30:15.000Z' },
  { changes: { fullName: 'Trần Văn Đức', roles: ['clerk', 'unit_head'], disabled: false, unitId: null } },
  { toUserId: actor.userId, toName: 'Lê Thị Hồng Nhung', deadline: '2026-05-15', note: undefined },
  { assignmentId: 'a1', until: '2026-06-01', from: null, reason: 'Chờ ý kiến Sở Tài chính “khẩn”' },
  { number: 1234, symbol: '45/QĐ-SNV', pages: 3, sizeBytes: 5_242_880, sha256: 'ab'.repeat(32), ratio: 0.75 },
  { sessionIds: ['s1', 's2'], transactionId: 'tx-9', account: 'nguyen.van.anh@ca.vn' },
  { fields: { subject: 'V/v tăng cường công tác văn thư, lưu trữ năm 2026', recipients: [{ name: 'UBND tỉnh', code: '000.00.00.H55' }] } },
  { result: 'Đã xử lý xong.\nĐề nghị lưu hồ sơ.', documentDone: true, replaced: 0 },
];

describeEngines('audit log', (get) => {
  const clock = new FixedClock(new Date('2026-05-04T09:30:15+07:00'));
  const append = appender(() => get().db, clock);

  it('[Q-18.4] an intact chain verifies', async () => {
    for (let i = 1; i <= 5; i++) {
      clock.advance(1000);
      await append(`doc.read.${i}`, { b: i, a: { z: 'Đường', y: [1, 2] } });
    }
    expect(await verifyAuditChain(get().db)).toEqual({ checked: 5, problems: [], problemCount: 0 });
  });

  it('[Q-18.4] an entry rolled back with its transaction leaves no trace, and the number it skipped is no gap', async () => {
    await expect(
      inTransaction(get().db, async (trx) => {
        await recordAudit({ db: trx, clock, actor, ip: null, files: undefined as never }, { action: 'doomed' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'doomed'`.execute(get().db);
    expect(rows.rows[0].n).toBe(0);
    await append('after.rollback');
    expect((await verifyAuditChain(get().db)).problemCount).toBe(0);
  });

  it('[Q-18.4] every kind of detail the modules record, and random JSON, is stored as hashed and verifies', async () => {
    for (const details of RECORDED_KINDS) await append('kind', details);
    const random = generator(20261208);
    for (let i = 0; i < 150; i++) await append(`random.${i}`, random());
    expect(await verifyAuditChain(get().db, { batch: 37 })).toMatchObject({ problemCount: 0 });
    // What the database gives back is exactly the canonical text that was hashed.
    const stored = await sql<{ details: unknown }>`select details from audit_log where action like 'random.%' order by seq`.execute(get().db);
    const again = generator(20261208);
    for (const row of stored.rows) expect(canonicalJson(row.details)).toBe(canonicalJson(again()));
  });

  it('[Q-18.4] a value the log would store differently is refused before anything is written', async () => {
    const before = await verifyAuditChain(get().db);
    const refused: unknown[] = [
      { at: new Date('2026-05-04T00:00:00Z') },
      { list: [1, undefined, 3] },
      { list: [1, , 3] },
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: -0 },
      { n: 2 ** 53 + 2 },
      { n: 1e21 },
      { n: 10n },
      { f: () => 1 },
      { s: Symbol('x') },
      { m: new Map([['a', 1]]) },
      { b: Buffer.from('abc') },
      { nul: 'a\u0000b' },
      { ['k\u0000']: 1 },
      { lone: 'a\ud800b' },
      { lone: 'a\udc00' },
    ];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    refused.push(cyclic);
    for (const details of refused) {
      await expect(append('refused', details as AuditDetails), JSON.stringify(Object.keys(details as object))).rejects.toThrow(AuditValueError);
    }
    expect(await verifyAuditChain(get().db)).toEqual(before);
  });

  it('[Q-18.4] the database refuses UPDATE, DELETE and TRUNCATE of the log', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(get().db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(get().db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(get().db)).rejects.toThrow(/append-only/);
  });

  it('[Q-18.4] two entries altered and one deleted: the verifier reports all three, not only the first', async () => {
    const db = get().db;
    await tamper(db, sql`update audit_log set details = '{"b": 99}'::jsonb where seq = 2`);
    await tamper(db, sql`update audit_log set actor_name = 'ke.gian' where seq = 9`);
    await tamper(db, sql`delete from audit_log where seq = 4`);
    const report = await verifyAuditChain(db, { batch: 3 });
    expect(report.problems).toEqual([
      { seq: 2, kind: 'altered', reason: expect.stringMatching(/bị sửa/) },
      { seq: 5, kind: 'link', afterSeq: 3, reason: expect.stringMatching(/#3.*bị xóa/) },
      { seq: 9, kind: 'altered', reason: expect.any(String) },
    ]);
    expect(report.problemCount).toBe(3);
  });

  it('[Q-18.4] an entry altered with its hash recomputed still breaks the link after it', async () => {
    const db = get().db;
    const last = await sql<{ seq: number }>`select max(seq)::int as seq from audit_log`.execute(db);
    const seq = last.rows[0].seq - 1;
    await tamper(db, sql`update audit_log set hash = repeat('f', 64) where seq = ${seq}`);
    const report = await verifyAuditChain(db);
    expect(report.problems.filter((p) => p.seq >= seq)).toEqual([
      { seq, kind: 'altered', reason: expect.any(String) },
      { seq: seq + 1, kind: 'link', afterSeq: seq, reason: expect.any(String) },
    ]);
  });
});

describeEngines('audit log written before the fix of issue 11', (get) => {
  it('[Q-18.4] an entry whose Date was hashed as {} is reported as the known defect, not as tampering, and the chain goes on', async () => {
    const db = get().db;
    const clock = new FixedClock(new Date('2026-05-04T09:30:15+07:00'));
    const append = appender(() => db, clock);
    await append('before');
    // What the old code wrote: the ISO text stored, {} hashed.
    const prev = (await sql<{ hash: string }>`select hash from audit_log order by seq desc limit 1`.execute(db)).rows[0].hash;
    const fields = { at: clock.now(), actorId: actor.userId, actorName: actor.username, agencyId: null, action: 'signing.crl_import', objectType: 'crl', objectId: 'c1', ip: null };
    const hash = entryHash(prev, { ...fields, details: { issuer: 'CN=CA', thisUpdate: {} } });
    await sql`insert into audit_log (at, actor_id, actor_name, agency_id, action, object_type, object_id, details, ip, prev_hash, hash)
      values (${fields.at}, ${fields.actorId}, ${fields.actorName}, null, ${fields.action}, ${fields.objectType}, ${fields.objectId},
        ${JSON.stringify({ issuer: 'CN=CA', thisUpdate: '2026-05-01T00:00:00.000Z' })}::jsonb, null, ${prev}, ${hash})`.execute(db);
    await append('after');
    const report = await verifyAuditChain(db);
    expect(report.problems).toEqual([{ seq: 2, kind: 'legacy_date', reason: expect.stringMatching(/lỗi đã biết/) }]);
    // The same entry with its issuer changed is tampering.
    await tamper(db, sql`update audit_log set details = jsonb_set(details, '{issuer}', '"CN=Khac"') where seq = 2`);
    expect((await verifyAuditChain(db)).problems).toEqual([{ seq: 2, kind: 'altered', reason: expect.any(String) }]);
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }));
  });
  it('leaves out an object property that is undefined, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
  it('names the offending value', () => {
    expect(() => canonicalJson({ thisUpdate: new Date(0) })).toThrow(/details\.thisUpdate is a Date/);
  });
});
