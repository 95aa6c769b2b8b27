/**
 * Registering a test certificate the way its holder does: ask the server for a
 * challenge, sign it with the identity's real key through the signing agent's own code, send the
 * answer. For tests, the bench and e2e setups that need a registered certificate.
 */
import type { FastifyInstance } from 'fastify';
import { call, type Session } from '../../../test/harness/app.js';
import { answerChallenge, parseChallenge } from '../agent/registration.js';
import { keySigner, type TestIdentity } from './test-pki.js';

/** POSTs JSON as a logged-in person and answers the JSON body; throws on anything but 2xx. */
export type PostJson = (path: string, body: unknown) => Promise<unknown>;

/** The certificate's id. `deviceId`: the agency's device it is on; absent, the person's own. */
export async function registerWithProof(post: PostJson, identity: TestIdentity, options: { deviceId?: string } = {}): Promise<string> {
  const challenge = await post('/api/signing/certificates/challenges', { certificate: identity.certificate.toString('base64'), ...options });
  const answer = await answerChallenge(keySigner(identity), parseChallenge(JSON.stringify(challenge)));
  return ((await post('/api/signing/certificates', answer)) as { id: string }).id;
}

/** The same through app.inject. */
export function registerCertificate(app: FastifyInstance, session: Session, identity: TestIdentity, options: { deviceId?: string } = {}): Promise<string> {
  return registerWithProof(injectPost(app, session), identity, options);
}

export function injectPost(app: FastifyInstance, session: Session): PostJson {
  return async (path, body) => {
    const res = await call(app, session, 'POST', path, body);
    if (res.statusCode >= 300) throw new Error(`POST ${path}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
}
