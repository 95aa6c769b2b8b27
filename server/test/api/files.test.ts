import { degrees, PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';
import { multipart, pdfBytes } from '../harness/samples.js';

describeEngines('file upload and download over HTTP', (db) => {
  let t: TestApp;
  let clerk: Session;
  const upload = (name: string, content: Buffer, session: Session = clerk) => {
    const body = multipart(name, content);
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await startTestApp(db(), { maxBytes: 64 * 1024 });
    clerk = await login(t.app, 'vanthu.snv');
  });
  afterAll(async () => t.close());

  it('stores an upload, returns its record, and gives the same bytes back with a Vietnamese file name', async () => {
    const res = await upload('Quyết định số 12.pdf', pdfBytes('tai ve'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ originalName: 'Quyết định số 12.pdf', format: 'pdf', size: pdfBytes('tai ve').length });
    const down = await call(t.app, clerk, 'GET', `/api/files/${res.json().id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdfBytes('tai ve'))).toBe(true);
    expect(down.headers['content-disposition']).toMatch(/^attachment; .*Quy%E1%BA%BFt/);
    const inline = await call(t.app, clerk, 'GET', `/api/files/${res.json().id}/content?inline=1`);
    expect(inline.statusCode, inline.body.slice(0, 200)).toBe(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    const reads = (await call(t.app, await login(t.app, 'admin'), 'GET', `/api/audit?action=file.read&objectId=${res.json().id}`)).json();
    expect(reads).toHaveLength(2);
    expect(reads[0].actorName).toBe('vanthu.snv');
  });

  it('previews a PDF page by page for placing a signature: sizes in points, one page as PNG, read logged; another agency gets 404', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    doc.addPage([595.28, 841.89]).setRotation(degrees(90));
    const res = await upload('hai-trang.pdf', Buffer.from(await doc.save()));
    const id = res.json().id;
    const sizes = await call(t.app, clerk, 'GET', `/api/files/${id}/pages`);
    expect(sizes.json()).toEqual([
      { page: 1, width: 595.28, height: 841.89 },
      // Turned a quarter: shown, and so clicked, in landscape.
      { page: 2, width: 841.89, height: 595.28 },
    ]);
    const png = await call(t.app, clerk, 'GET', `/api/files/${id}/pages/1?width=300`);
    expect([png.statusCode, png.headers['content-type']]).toEqual([200, 'image/png']);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(png.rawPayload.readUInt32BE(16)).toBe(300);
    expect((await call(t.app, clerk, 'GET', `/api/files/${id}/pages/3`)).statusCode).toBe(400);
    expect((await call(t.app, await login(t.app, 'vanthu.ubnd'), 'GET', `/api/files/${id}/pages/1`)).statusCode).toBe(404);
    const previews = (await call(t.app, await login(t.app, 'admin'), 'GET', `/api/audit?action=file.preview&objectId=${id}`)).json();
    expect(previews.length).toBeGreaterThanOrEqual(1);
  });

  it('[Q-9.3] refuses an executable and an HTML page with a Vietnamese message and keeps nothing', async () => {
    const exe = await upload('setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('UNSUPPORTED_FORMAT');
    const html = await upload('trang.txt', Buffer.from('<!DOCTYPE html><html><body>x</body></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'FORMAT_MISMATCH', message: expect.stringMatching(/trang\.txt.*HTML|HTML.*trang\.txt/i) });
    expect(await readdir(join(t.filesDir, 'tmp'))).toEqual([]);
  });

  it('refuses a file over the limit with 413 and keeps nothing, even with many at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => upload(`lon-${i}.pdf`, pdfBytes(`lon ${i}`, 200 * 1024))));
    for (const big of results) {
      expect(big.statusCode).toBe(413);
      expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(await readdir(join(t.filesDir, 'tmp'))).toEqual([]);
  });

  it('a request that is not multipart, or has no file, gets a clear 4xx', async () => {
    const json = await call(t.app, clerk, 'POST', '/api/files', { file: 'x' });
    expect([400, 415]).toContain(json.statusCode);
    expect(json.json().message).toBeTruthy();
  });
});
