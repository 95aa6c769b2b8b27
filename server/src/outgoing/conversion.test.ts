import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { OfficeConverter } from '../infra/convert/index.js';
import { decisionHtml, makeOfficeFile, pdfText } from '../infra/convert/testkit.js';
import { draftBody, draftPdf, upload, type OutgoingFixture } from './testkit.js';
import { drainJobs } from '../../test/harness/jobs.js';

/**
 * A draft in .docx becomes PDF in a durable job enqueued with its version; a conversion that hangs
 * is killed and its reason shown. Test apps run no worker: `drainJobs` is the worker here.
 */
describeEngines('outgoing draft conversion', (db) => {
  let t: TestApp;
  let drafter: Session;
  let dir: string;
  let docx: Buffer;
  let converter: OfficeConverter;
  let hanging: OfficeConverter;
  const fx = () => ({ t, users: users }) as unknown as OutgoingFixture;
  const users: Record<string, string> = {};

  const convert = () => drainJobs(db().db, t.clock, { files: t.files, converter });
  const waitForConversion = async (id: string) => {
    await convert();
    const doc = (await call(t.app, drafter, 'GET', `/api/outgoing/${id}`)).json();
    if (doc.versions.at(-1).conversion === 'pending') throw new Error('conversion never finished');
    return doc;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-conv-'));
    converter = new OfficeConverter({ workDir: join(dir, 'work') });
    t = await startTestApp(db(), { converter });
    drafter = await login(t.app, 'chuyenvien.snv');
    for (const u of (await call(t.app, drafter, 'GET', '/api/users')).json()) users[u.username] = u.id;
    docx = await readFile(await makeOfficeFile(dir, 'du-thao', decisionHtml(), 'docx'));
    const fake = join(dir, 'soffice-treo');
    await writeFile(fake, '#!/bin/sh\nsleep 60\n');
    await chmod(fake, 0o755);
    hanging = new OfficeConverter({ binary: fake, timeoutMs: 1000, workDir: join(dir, 'work2') });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await converter.close();
    await hanging.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-10.1] a .docx draft answers at once as pending, then gets its PDF; the source is kept as version 1', { timeout: 120_000 }, async () => {
    const fileId = await upload(fx(), drafter, 'du-thao.docx', docx);
    const created = await call(t.app, drafter, 'POST', '/api/outgoing', draftBody(fx(), fileId, { recipientAgencyIds: [], externalRecipients: [] }));
    expect(created.json()).toMatchObject({ conversion: 'pending' });
    expect((await call(t.app, drafter, 'POST', `/api/outgoing/${created.json().id}/submit`)).json().message).toMatch(/đang được chuyển sang PDF/);
    const doc = await waitForConversion(created.json().id);
    expect(doc.versions[0]).toMatchObject({ version: 1, sourceFileId: fileId, conversion: 'done', pdfFileId: expect.any(String) });
    const pdf = (await call(t.app, drafter, 'GET', `/api/files/${doc.versions[0].pdfFileId}/content`)).rawPayload;
    expect(await pdfText(pdf)).toContain('QUYẾT ĐỊNH');
    expect((await call(t.app, drafter, 'POST', `/api/outgoing/${doc.id}/submit`)).statusCode).toBe(200);
  });

  it('[Q-8.2c] [Q-10.1] an appendix in .docx becomes PDF the same way; the draft waits for it before going to approval', { timeout: 120_000 }, async () => {
    const main = await upload(fx(), drafter, 'du-thao.pdf', await draftPdf());
    const appendix = await upload(fx(), drafter, 'phu-luc.docx', docx);
    const created = await call(t.app, drafter, 'POST', '/api/outgoing', draftBody(fx(), main, { recipientAgencyIds: [], externalRecipients: [], appendices: [{ fileId: appendix, title: 'Phụ lục I' }] }));
    const id = created.json().id;
    expect((await call(t.app, drafter, 'POST', `/api/outgoing/${id}/submit`)).json().message).toMatch(/^Phụ lục 1 \("Phụ lục I"\) đang được chuyển sang PDF/);
    await convert();
    const converted = (await call(t.app, drafter, 'GET', `/api/outgoing/${id}`)).json().versions[0].appendices[0];
    expect(converted).toMatchObject({ sourceFileId: appendix, conversion: 'done', pdfFileId: expect.any(String) });
    expect(await pdfText((await call(t.app, drafter, 'GET', `/api/files/${converted.pdfFileId}/content`)).rawPayload)).toContain('QUYẾT ĐỊNH');
    expect((await call(t.app, drafter, 'POST', `/api/outgoing/${id}/submit`)).statusCode).toBe(200);
  });

  it('[Q-10.1] a conversion that hangs is killed and the version says why; the draft cannot go on without a PDF', { timeout: 60_000 }, async () => {
    const app = await startTestApp(db(), { converter: hanging, seed: false });
    try {
      const session = await login(app.app, 'chuyenvien.snv');
      const fileId = await upload({ t: app } as OutgoingFixture, session, 'treo.docx', docx);
      const { id } = (await call(app.app, session, 'POST', '/api/outgoing', draftBody(fx(), fileId, { recipientAgencyIds: [], externalRecipients: [] }))).json();
      await drainJobs(db().db, app.clock, { files: app.files, converter: hanging });
      const doc = (await call(app.app, session, 'GET', `/api/outgoing/${id}`)).json();
      expect(doc.versions[0]).toMatchObject({ conversion: 'failed', conversionError: expect.stringMatching(/quá thời gian/), pdfFileId: null });
      expect((await call(app.app, session, 'POST', `/api/outgoing/${id}/submit`)).json().message).toMatch(/chuyển đổi thất bại/);
    } finally {
      await app.close();
    }
  });

  it('[Q-10.1] the conversion is a job of the version that stored the draft, claimed once though two nodes work', { timeout: 120_000 }, async () => {
    const admin = await login(t.app, 'admin');
    const queue = async () => ((await call(t.app, admin, 'GET', '/api/jobs')).json().queues as { queue: string; waiting: number; done: number }[]).find((q) => q.queue === 'outgoing.convert');
    const before = await queue();
    const fileId = await upload(fx(), drafter, 'du-thao.docx', docx);
    const { id } = (await call(t.app, drafter, 'POST', '/api/outgoing', draftBody(fx(), fileId, { recipientAgencyIds: [], externalRecipients: [] }))).json();
    expect(await queue()).toMatchObject({ waiting: (before?.waiting ?? 0) + 1 });
    // Two nodes' workers at once: one claims it, the other finds nothing.
    const ran = await Promise.all([convert(), convert()]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(await queue()).toMatchObject({ waiting: 0, running: 0, done: (before?.done ?? 0) + 1 });
    const doc = (await call(t.app, drafter, 'GET', `/api/outgoing/${id}`)).json();
    expect(doc.versions[0]).toMatchObject({ conversion: 'done', pdfFileId: expect.any(String) });
    // A new version in office format is a new job; a PDF version needs none.
    const second = await upload(fx(), drafter, 'du-thao-2.docx', docx);
    expect((await call(t.app, drafter, 'POST', `/api/outgoing/${id}/versions`, { fileId: second })).json()).toEqual({ version: 2, conversion: 'pending' });
    const pdf = await upload(fx(), drafter, 'du-thao-3.pdf', await draftPdf());
    expect((await call(t.app, drafter, 'POST', `/api/outgoing/${id}/versions`, { fileId: pdf })).json()).toEqual({ version: 3, conversion: 'not_needed' });
    expect(await queue()).toMatchObject({ waiting: 1 });
    expect(await convert()).toBe(1);
    expect((await call(t.app, drafter, 'GET', `/api/outgoing/${id}`)).json().versions[1]).toMatchObject({ version: 2, conversion: 'done', pdfFileId: expect.any(String) });
  });
});
