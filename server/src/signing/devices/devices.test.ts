import { execFile } from 'node:child_process';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { multipart, pdfBytes } from '../../../test/harness/samples.js';
import { registerCertificate } from '../testing/register-certificate.js';
import { createTestPki, type TestPki } from '../testing/test-pki.js';
import { certificateExpiryNotices } from './expiry.js';
import { jobEnv } from '../../../test/harness/jobs.js';

const run = promisify(execFile);

describeEngines('key devices and certificates (Q-5)', (db) => {
  let t: TestApp;
  let pki: TestPki;
  let clerk: Session, head: Session, staff: Session, admin: Session;
  let dir: string;
  const ids: Record<string, string> = {};
  let decisionFile: string;
  const pdfText = async (session: Session, fileId: string) => {
    const res = await call(t.app, session, 'GET', `/api/files/${fileId}/content`);
    const path = join(dir, `${fileId}.pdf`);
    await writeFile(path, res.rawPayload);
    return (await run('pdftotext', ['-layout', path, '-'])).stdout;
  };
  const devices = async () => (await call(t.app, clerk, 'GET', '/api/signing/devices')).json();
  const upload = async (session: Session, name: string, content: Buffer): Promise<string> => {
    const body = multipart(name, content);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  };

  beforeAll(async () => {
    [t, pki, dir] = await Promise.all([startTestApp(db()), createTestPki(), mkdtemp(join(tmpdir(), 'vanthu-dev-'))]);
    [clerk, head, staff, admin] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'chuyenvien.snv', 'admin'].map((u) => login(t.app, u)));
    for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) ids[u.username] = u.id;
    const second = await call(t.app, admin, 'POST', '/api/users', { username: 'vanthu2.snv', fullName: 'Trịnh Thị Hoa', password: 'VanThu2026', agencyId: t.agencies.snv, positionTitle: 'Văn thư', roles: ['clerk'] });
    ids['vanthu2.snv'] = second.json().id;
    decisionFile = await upload(head, 'quyet-dinh.pdf', pdfBytes('Quyet dinh giao thiet bi'));
  });
  afterAll(async () => {
    await t.close();
    await pki.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-5.1] the agency registers its device and the organisation certificate on it; staff cannot; CA certificates are refused', async () => {
    expect((await call(t.app, staff, 'POST', '/api/signing/devices', { kind: 'token', label: 'Token con dấu', serialNumber: 'X1' })).statusCode).toBe(403);
    const dev = await call(t.app, clerk, 'POST', '/api/signing/devices', { kind: 'token', label: 'Token chữ ký số cơ quan', serialNumber: 'VNPT-0001' });
    expect(dev.statusCode).toBe(201);
    ids.device = dev.json().id;
    expect((await call(t.app, clerk, 'POST', '/api/signing/devices', { kind: 'token', label: 'Trùng', serialNumber: 'VNPT-0001' })).statusCode).toBe(409);
    await registerCertificate(t.app, clerk, pki.rsa, { deviceId: ids.device });
    expect((await call(t.app, clerk, 'POST', '/api/signing/certificates/challenges', { certificate: pki.root.toString('base64'), deviceId: ids.device })).json().message).toMatch(/chứng thư của CA/);
    const other = await login(t.app, 'vanthu.ubnd');
    expect((await call(t.app, other, 'POST', '/api/signing/certificates/challenges', { certificate: pki.ecdsa.certificate.toString('base64'), deviceId: ids.device })).statusCode).toBe(404);
    expect((await devices())[0].certificates[0]).toMatchObject({ serialNumber: expect.any(String), expired: false });
  });

  it('[Q-5.4] a person registers only their certificate, never a key; expiry is warned 30 days ahead', async () => {
    await registerCertificate(t.app, head, pki.ecdsa);
    const mine = (await call(t.app, head, 'GET', '/api/signing/certificates')).json().find((c: { ownerUserId: string | null }) => c.ownerUserId === ids['giamdoc.snv']);
    expect(mine).toMatchObject({ expiresSoon: false, expired: false });
    t.clock.set(new Date(Date.parse(mine.notAfter) - 10 * 86400000));
    head = await login(t.app, 'giamdoc.snv');
    expect((await call(t.app, head, 'GET', '/api/signing/certificates')).json().find((c: { id: string }) => c.id === mine.id)).toMatchObject({ expiresSoon: true });
    t.clock.set('2026-03-02T09:00:00+07:00');
    [clerk, head] = await Promise.all([login(t.app, 'vanthu.snv'), login(t.app, 'giamdoc.snv')]);
  });

  it('[Q-5.2] [Q-5.3c] the head assigns the device by decision; a handover record is generated; it takes effect only when recorded', async () => {
    expect((await call(t.app, clerk, 'POST', `/api/signing/devices/${ids.device}/assign`, { holderId: ids['vanthu.snv'], decisionNumber: '15/QĐ-SNV', decisionDate: '2026-03-01', decisionFileId: decisionFile })).statusCode).toBe(403);
    expect((await call(t.app, head, 'POST', `/api/signing/devices/${ids.device}/assign`, { holderId: ids['chuyenvien.snv'], decisionNumber: '15/QĐ-SNV', decisionDate: '2026-03-01', decisionFileId: decisionFile })).json().message).toMatch(/chỉ giao cho văn thư/);
    const first = (await call(t.app, head, 'POST', `/api/signing/devices/${ids.device}/assign`, { holderId: ids['vanthu.snv'], decisionNumber: '15/QĐ-SNV', decisionDate: '2026-03-01', decisionFileId: decisionFile })).json();
    const text = await pdfText(head, first.handoverFileId);
    for (const expected of ['BIÊN BẢN BÀN GIAO', 'Quyết định số 15/QĐ-SNV ngày 01/03/2026', 'Bên nhận: Nguyễn Thị Lan, Văn thư', 'VNPT-0001', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN']) expect(text).toContain(expected);
    expect((await devices())[0]).toMatchObject({ holderId: null, pending: { holderId: ids['vanthu.snv'] } });
    expect((await call(t.app, staff, 'POST', `/api/signing/assignments/${first.assignmentId}/handover`)).statusCode).toBe(403);
    expect((await call(t.app, clerk, 'POST', `/api/signing/assignments/${first.assignmentId}/handover`)).statusCode).toBe(200);
    expect((await devices())[0]).toMatchObject({ holderId: ids['vanthu.snv'], pending: null });

    const second = (await call(t.app, head, 'POST', `/api/signing/devices/${ids.device}/assign`, { holderId: ids['vanthu2.snv'], decisionNumber: '27/QĐ-SNV', decisionDate: '2026-03-02', decisionFileId: decisionFile })).json();
    expect(await pdfText(head, second.handoverFileId)).toContain('Bên giao: Nguyễn Thị Lan, Văn thư');
    expect((await devices())[0]).toMatchObject({ holderId: ids['vanthu.snv'], pending: { holderId: ids['vanthu2.snv'] } });
    expect((await call(t.app, head, 'POST', `/api/signing/assignments/${second.assignmentId}/handover`)).statusCode).toBe(200);
    expect((await devices())[0]).toMatchObject({ holderId: ids['vanthu2.snv'] });
    expect((await call(t.app, head, 'POST', `/api/signing/assignments/${second.assignmentId}/handover`)).statusCode).toBe(409);
  });

  it('[Q-5.2] the decision file is a PDF or scan of the agency, stored with the assignment and readable with it', async () => {
    const assign = (decisionFileId: string) =>
      call(t.app, head, 'POST', `/api/signing/devices/${ids.device}/assign`, { holderId: ids['vanthu.snv'], decisionNumber: '41/QĐ-SNV', decisionDate: '2026-03-02', decisionFileId });
    const none = await call(t.app, head, 'POST', `/api/signing/devices/${ids.device}/assign`, { holderId: ids['vanthu.snv'], decisionNumber: '41/QĐ-SNV', decisionDate: '2026-03-02' });
    expect(none.statusCode).toBe(400);
    const text = await upload(head, 'quyet-dinh.txt', Buffer.from('Quyết định giao thiết bị lưu khóa bí mật\n'));
    const wrongFormat = await assign(text);
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/PDF hoặc ảnh quét/), details: [{ field: 'decisionFileId' }] });
    const otherAgencys = await upload(await login(t.app, 'vanthu.ubnd'), 'quyet-dinh.pdf', pdfBytes('UBND'));
    expect((await assign(otherAgencys)).json().message).toMatch(/không thuộc cơ quan/);
    const decision = pdfBytes('QD-41-SNV');
    const decisionFileId = await upload(head, 'quyet-dinh-41.pdf', decision);
    t.clock.set('2026-03-02T09:05:00+07:00');
    [clerk, head] = await Promise.all([login(t.app, 'vanthu.snv'), login(t.app, 'giamdoc.snv')]);
    const created = await assign(decisionFileId);
    expect(created.statusCode).toBe(201);

    const history = (await call(t.app, clerk, 'GET', `/api/signing/devices/${ids.device}/assignments`)).json();
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({
      id: created.json().assignmentId,
      holderId: ids['vanthu.snv'],
      holderName: 'Nguyễn Thị Lan',
      decision: { number: '41/QĐ-SNV', date: '2026-03-02', file: { id: decisionFileId, originalName: 'quyet-dinh-41.pdf', format: 'pdf' } },
      handoverFileId: created.json().handoverFileId,
      effectiveAt: null,
      endedAt: null,
    });
    expect(history[1]).toMatchObject({ holderId: ids['vanthu2.snv'], decision: { number: '27/QĐ-SNV', file: { id: decisionFile } }, effectiveAt: expect.any(String), endedAt: null });
    expect(history[2]).toMatchObject({ decision: { number: '15/QĐ-SNV' }, endedAt: expect.any(String) });
    const read = await call(t.app, clerk, 'GET', `/api/files/${history[0].decision.file.id}/content`);
    expect(read.statusCode).toBe(200);
    expect(Buffer.compare(read.rawPayload, decision)).toBe(0);
    expect((await call(t.app, await login(t.app, 'vanthu.ubnd'), 'GET', `/api/signing/devices/${ids.device}/assignments`)).statusCode).toBe(404);
  });

  it('[Q-5.1] 30 days before a certificate expires: one notice to its owner, or to the device holder, the head and the admin', async () => {
    const certs = (await call(t.app, head, 'GET', '/api/signing/certificates')).json() as { id: string; notAfter: string; deviceId: string | null }[];
    const expiries = certs.map((c) => Date.parse(c.notAfter));
    const expiring = async (username: string) => {
      const res = await call(t.app, await login(t.app, username, username === 'vanthu2.snv' ? 'VanThu2026' : 'demo'), 'GET', '/api/notifications');
      return (res.json().items as { kind: string; title: string; link: string; urgent: boolean }[]).filter((n) => n.kind === 'signing.certificate_expiring');
    };
    try {
      t.clock.set(new Date(Math.min(...expiries) - 31 * 86400000));
      await certificateExpiryNotices.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
      expect(await expiring('giamdoc.snv')).toEqual([]);

      t.clock.set(new Date(Math.max(...expiries) - 29 * 86400000));
      await certificateExpiryNotices.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
      await certificateExpiryNotices.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
      t.clock.set(new Date(Math.max(...expiries) - 28 * 86400000));
      await certificateExpiryNotices.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });

      const headNotices = await expiring('giamdoc.snv');
      expect(headNotices).toHaveLength(2);
      expect(headNotices).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ title: expect.stringMatching(/^Chứng thư số cá nhân của đồng chí \(Nguyễn Văn Ánh, số hiệu [0-9A-F]+\) sẽ hết hạn ngày \d\d\/\d\d\/\d{4}/), link: '/chu-ky-so' }),
          expect.objectContaining({ title: expect.stringMatching(/^Chứng thư số của cơ quan trên thiết bị "Token chữ ký số cơ quan"/), urgent: true }),
        ]),
      );
      for (const user of ['vanthu2.snv', 'admin']) {
        const notices = await expiring(user);
        expect(notices).toHaveLength(1);
        expect(notices[0].title).toMatch(/^Chứng thư số của cơ quan/);
      }
      // The clerk named in a decision not yet handed over, and other staff, are not told.
      for (const user of ['vanthu.snv', 'chuyenvien.snv', 'phogiamdoc.snv']) expect(await expiring(user)).toEqual([]);
    } finally {
      t.clock.set('2026-03-02T09:00:00+07:00');
    }
  });
});
