/**
 * Signing through a remote signing service, for the signing dialog's "sign on my phone"
 * button: prepare as usual (…/sign/prepare, …/seal/prepare), ask the provider here, poll here,
 * then complete as usual with the values returned.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../infra/module.js';
import { errors, IdParams } from '../../infra/http/schemas.js';
import { RemoteSigningError, remoteMessages } from './errors.js';
import { remoteProofStatus, submitRemoteProof } from './registration.js';
import { RemoteTransactions } from './transactions.js';

const tags = ['signing'];
const Base64 = Type.String({ pattern: '^[A-Za-z0-9+/]+={0,2}$', maxLength: 20_000 });
const Algorithm = Type.Union([Type.Literal('RSA'), Type.Literal('ECDSA')]);
const AgentItem = Type.Object({ toBeSigned: Base64, algorithm: Algorithm });

const SubmitBody = Type.Object({
  account: Type.Optional(
    Type.String({ minLength: 1, maxLength: 128, pattern: '\\S', description: 'Tài khoản của người ký tại dịch vụ ký số từ xa (mã người dùng, số CCCD… theo dịch vụ); bỏ trống: tài khoản đã dùng lần trước với chứng thư này' }),
  ),
  description: Type.Optional(Type.String({ maxLength: 200, description: 'Hiển thị trên điện thoại của người ký, ví dụ trích yếu văn bản' })),
  request: Type.Optional(
    Type.Union([AgentItem, Type.Object({ items: Type.Array(AgentItem, { minItems: 1, maxItems: 50 }) })], {
      description: 'Nguyên "request" nhận được khi chuẩn bị ký; cần khi ký nhiều tệp (văn bản chính và phụ lục) trong một lần xác nhận',
    }),
  ),
});
const Submitted = Type.Object({ transactionId: Type.String(), expiresAt: Type.String() });
const RemoteView = Type.Object({
  state: Type.Union([Type.Literal('pending'), Type.Literal('signed'), Type.Literal('rejected'), Type.Literal('expired')]),
  transactionId: Type.String(),
  expiresAt: Type.String(),
  signature: Type.Optional(Type.String({ description: 'Một tệp: gửi nguyên vào …/complete như câu trả lời của công cụ ký' })),
  signatures: Type.Optional(Type.Array(Type.String(), { description: 'Nhiều tệp, theo thứ tự của yêu cầu ký' })),
  certificateChain: Type.Optional(Type.Array(Type.String())),
  message: Type.Optional(Type.String()),
});

export const remoteRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const configured = services.remoteSigning;
  const transactions = configured && new RemoteTransactions(configured, (message, err) => app.log.warn({ err }, message));
  app.addHook('onClose', async () => transactions?.close());
  const service = () => {
    if (!configured) throw new RemoteSigningError('REMOTE_NOT_CONFIGURED', remoteMessages.notConfigured);
    return configured;
  };
  const running = () => {
    if (!transactions) throw new RemoteSigningError('REMOTE_NOT_CONFIGURED', remoteMessages.notConfigured);
    return transactions;
  };

  app.get(
    '/remote',
    { schema: { tags, summary: 'Dịch vụ ký số từ xa có được cấu hình không', response: { 200: Type.Object({ enabled: Type.Boolean(), name: Type.Union([Type.String(), Type.Null()]) }), ...errors(401) } } },
    async () => ({ enabled: !!configured, name: configured?.name ?? null }),
  );
  app.post(
    '/sessions/:id/remote',
    {
      schema: {
        tags,
        summary: 'Gửi yêu cầu ký của phiên ký số tới dịch vụ ký số từ xa; người ký xác nhận trên điện thoại (Q-5.4)',
        params: IdParams,
        body: SubmitBody,
        response: { 202: Submitted, ...errors(400, 401, 404, 409, 422, 500) },
      },
    },
    async (request, reply) => {
      const { account, description, request: agentRequest } = request.body;
      const items = agentRequest && ('items' in agentRequest ? agentRequest.items : [agentRequest]).map((i) => Buffer.from(i.toBeSigned, 'base64'));
      return reply.status(202).send(await running().submit(request.ctx, request.params.id, { account: account?.trim(), description, request: items }));
    },
  );
  app.get(
    '/sessions/:id/remote',
    { schema: { tags, summary: 'Tình trạng yêu cầu ký số từ xa của phiên ký số', params: IdParams, response: { 200: RemoteView, ...errors(401, 404, 409, 422) } } },
    async (request) => running().view(request.ctx, request.params.id),
  );
  app.post(
    '/certificates/challenges/:id/remote',
    {
      schema: {
        tags,
        summary: 'Gửi thử thách đăng ký chứng thư số tới dịch vụ ký số từ xa; người giữ khóa xác nhận trên điện thoại (Q-5.1)',
        params: IdParams,
        body: Type.Object({ account: Type.String({ minLength: 1, maxLength: 128, pattern: '\\S', description: 'Tài khoản của người giữ khóa tại dịch vụ ký số từ xa' }) }),
        response: { 202: Submitted, ...errors(400, 401, 404, 409, 500) },
      },
    },
    async (request, reply) => reply.status(202).send(await submitRemoteProof(request.ctx, service(), request.params.id, request.body)),
  );
  app.get(
    '/certificates/challenges/:id/remote',
    {
      schema: {
        tags,
        summary: 'Tình trạng ký thử thách đăng ký trên dịch vụ ký số từ xa; khi đã ký, gửi challengeId và signature tới POST /certificates',
        params: IdParams,
        response: {
          200: Type.Object({
            state: Type.Union([Type.Literal('pending'), Type.Literal('signed'), Type.Literal('rejected'), Type.Literal('expired')]),
            challengeId: Type.Optional(Type.String()),
            signature: Type.Optional(Type.String()),
            message: Type.Optional(Type.String()),
          }),
          ...errors(401, 404, 409, 422, 500),
        },
      },
    },
    async (request) => remoteProofStatus(request.ctx, service(), request.params.id),
  );
};
