/**
 * Uploading the images visible signatures show (Q-8.2a) through the API, on both engines: who may
 * upload, replace, read and delete them, the refusals with their stable reasons, and the audit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { multipart } from '../../../test/harness/samples.js';
import { BLUE_INK, RED_INK, ring, scribble } from '../testing/test-images.js';

describeEngines('signature and seal images (Q-8.2a)', (db) => {
  let t: TestApp;
  let signer: Session, clerk: Session, staff: Session, admin: Session, other: Session;
  const ids: Record<string, string> = {};
  const put = (s: Session, url: string, png: Buffer, name = 'anh.png') => {
    const body = multipart(name, png);
    return t.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': body.contentType }, payload: body.payload });
  };
  const signatureUrl = (user: string) => `/api/signing/users/${ids[user]}/signature-image`;
  const sealUrl = (agency: string, diameter?: number) => `/api/signing/agencies/${t.agencies[agency]}/seal-image${diameter ? `?diameterMm=${diameter}` : ''}`;

  beforeAll(async () => {
    t = await startTestApp(db());
    [signer, clerk, staff, admin, other] = await Promise.all(['giamdoc.snv', 'vanthu.snv', 'chuyenvien.snv', 'admin', 'vanthu.ubnd'].map((u) => login(t.app, u)));
    for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) ids[u.username] = u.id;
  });
  afterAll(() => t?.close());

  it('[Q-8.2a] the signer uploads a blue transparent signature, reads it back, replaces it; the admin may do it for them', async () => {
    const png = scribble(2, BLUE_INK);
    const res = await put(signer, signatureUrl('giamdoc.snv'), png, 'chu-ky.png');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ fileId: expect.any(String), width: 480, height: 200, uploadedAt: expect.any(String) });
    const back = await call(t.app, signer, 'GET', signatureUrl('giamdoc.snv'));
    expect([back.statusCode, back.headers['content-type']]).toEqual([200, 'image/png']);
    expect(back.rawPayload.equals(png)).toBe(true);
    expect((await call(t.app, signer, 'GET', '/api/signing/images')).json()).toMatchObject({ signature: { width: 480 }, seal: null });

    const bigger = await put(admin, signatureUrl('giamdoc.snv'), scribble(3, BLUE_INK));
    expect(bigger.json()).toMatchObject({ width: 720, height: 300 });
    expect((await call(t.app, admin, 'GET', signatureUrl('giamdoc.snv'))).rawPayload.equals(scribble(3, BLUE_INK))).toBe(true);
    const audit = (await call(t.app, admin, 'GET', `/api/audit?objectId=${ids['giamdoc.snv']}&action=signing.signature_image_set`)).json();
    expect(audit.map((e: { actorName: string }) => e.actorName)).toEqual(['admin', 'giamdoc.snv']);
  });

  it('[Q-8.2a] nobody else may upload, read or delete a person’s signature; another agency’s person answers as missing', async () => {
    expect((await put(clerk, signatureUrl('giamdoc.snv'), scribble(2, BLUE_INK))).json().code).toBe('FORBIDDEN');
    expect((await call(t.app, staff, 'GET', signatureUrl('giamdoc.snv'))).statusCode).toBe(403);
    expect((await call(t.app, staff, 'DELETE', signatureUrl('giamdoc.snv'))).statusCode).toBe(403);
    expect((await call(t.app, other, 'GET', signatureUrl('giamdoc.snv'))).statusCode).toBe(404);
  });

  it('[Q-8.2a] refuses a black-ink signature, an opaque PNG and a non-PNG, with stable reasons and Vietnamese messages', async () => {
    const refused = async (png: Buffer, name?: string) => {
      const res = await put(staff, signatureUrl('chuyenvien.snv'), png, name);
      return [res.statusCode, res.json().code, res.json().details?.reason, res.json().message];
    };
    expect(await refused(scribble(2, [25, 25, 30, 255]))).toEqual([400, 'VALIDATION_FAILED', 'IMAGE_COLOUR', expect.stringMatching(/^Chữ ký phải bằng mực màu xanh/)]);
    expect(await refused(scribble(2, BLUE_INK, [255, 255, 255, 255]))).toEqual([400, 'VALIDATION_FAILED', 'IMAGE_OPAQUE', expect.stringContaining('nền trong suốt')]);
    expect(await refused(Buffer.from('%PDF-1.7 không phải ảnh'.padEnd(80, ' ')), 'chu-ky.png')).toEqual([415, 'UNSUPPORTED_FORMAT', 'IMAGE_NOT_PNG', expect.stringContaining('phải là tệp PNG')]);
    expect(await refused(scribble(1, BLUE_INK))).toEqual([400, 'VALIDATION_FAILED', 'IMAGE_TOO_SMALL', expect.any(String)]);
    expect((await call(t.app, staff, 'GET', '/api/signing/images')).json().signature).toBeNull();
  });

  it('[Q-8.2a] the admin uploads the agency’s red seal with its real diameter; the agency sees it, only the admin changes it', async () => {
    expect((await put(clerk, sealUrl('snv', 36), ring(2, RED_INK))).statusCode).toBe(403);
    const blue = await put(admin, sealUrl('snv', 36), ring(2, BLUE_INK));
    expect([blue.statusCode, blue.json().details?.reason]).toEqual([400, 'IMAGE_COLOUR']);
    expect((await put(admin, sealUrl('snv'), ring(2, RED_INK))).json().code).toBe('VALIDATION_FAILED');
    expect((await put(admin, sealUrl('snv', 90), ring(2, RED_INK))).json().code).toBe('VALIDATION_FAILED');

    const res = await put(admin, sealUrl('snv', 36), ring(2, RED_INK));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ width: 400, height: 400, diameterMm: 36 });
    expect((await call(t.app, clerk, 'GET', '/api/signing/images')).json()).toMatchObject({ signature: null, seal: { diameterMm: 36 } });
    expect((await call(t.app, clerk, 'GET', sealUrl('snv'))).rawPayload.equals(ring(2, RED_INK))).toBe(true);
    expect((await call(t.app, other, 'GET', sealUrl('snv'))).statusCode).toBe(404);
    expect((await call(t.app, clerk, 'DELETE', sealUrl('snv'))).statusCode).toBe(403);
  });

  it('[Q-8.2a] deleting an image: later signatures are invisible; deleting again answers as missing', async () => {
    expect((await call(t.app, signer, 'DELETE', signatureUrl('giamdoc.snv'))).json()).toEqual({ ok: true });
    expect((await call(t.app, signer, 'GET', signatureUrl('giamdoc.snv'))).statusCode).toBe(404);
    expect((await call(t.app, signer, 'DELETE', signatureUrl('giamdoc.snv'))).statusCode).toBe(404);
    expect((await call(t.app, admin, 'DELETE', sealUrl('snv'))).json()).toEqual({ ok: true });
    expect((await call(t.app, clerk, 'GET', '/api/signing/images')).json()).toEqual({ signature: null, seal: null });
    const audit = (await call(t.app, admin, 'GET', `/api/audit?objectId=${t.agencies.snv}&objectType=agency`)).json();
    expect(audit.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('signing.'))).toEqual(['signing.seal_image_delete', 'signing.seal_image_set']);
  });
});
