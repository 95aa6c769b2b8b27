import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../../test/harness/app.js';
import { createTestPki, type TestPki } from './testing/test-pki.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => pki?.cleanup());

describeEngines('CRL import and the audit chain', (get) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(get());
  });
  afterAll(async () => t?.close());

  it('[Q-18.4] the log still verifies after a CRL import (its dates are logged as stored)', async () => {
    const admin = await login(t.app, 'admin');
    for (const crl of pki.crls) {
      const res = await call(t.app, admin, 'POST', '/api/signing/crls', { crl: crl.toString('base64') });
      expect(res.statusCode, res.body).toBe(201);
    }
    const entries = (await call(t.app, admin, 'GET', '/api/audit?action=signing.crl_import')).json();
    expect(entries).toHaveLength(pki.crls.length);
    expect(entries[0].details.thisUpdate).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Later entries too: a broken entry would have spoilt every verification after it.
    await call(t.app, admin, 'POST', '/api/auth/logout');
    const report = await call(t.app, await login(t.app, 'admin'), 'GET', '/api/audit/verify');
    expect(report.json()).toMatchObject({ problemCount: 0, problems: [] });
    expect(report.json().checked).toBeGreaterThan(pki.crls.length);
  });
});
