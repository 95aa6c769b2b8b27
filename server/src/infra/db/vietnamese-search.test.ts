import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEngines } from '../../../test/harness/engines.js';

describeEngines('Vietnamese text search configuration', (get) => {
  const matches = async (text: string, query: string) =>
    (await sql<{ m: boolean }>`select to_tsvector('vn', ${text}) @@ plainto_tsquery('vn', ${query}) as m`.execute(get().db)).rows[0].m;

  it('finds words with or without diacritics, in any case, including đ/Đ', async () => {
    const title = 'Quyết định về việc đôn đốc thực hiện Đường Nguyễn Trãi';
    for (const q of ['quyet dinh', 'quyết định', 'QUYET DINH', 'duong nguyen trai', 'don doc', 'Đường']) expect(await matches(title, q), q).toBe(true);
    expect(await matches(title, 'công văn')).toBe(false);
  });

  it('vn_fold is immutable so indexes can use it', async () => {
    const r = await sql<{ f: string; v: string }>`select vn_fold('Ưu tiên ĐƯỜNG Ơn') as f, provolatile as v from pg_proc where proname = 'vn_fold'`.execute(get().db);
    expect(r.rows[0]).toEqual({ f: 'uu tien duong on', v: 'i' });
  });
});
