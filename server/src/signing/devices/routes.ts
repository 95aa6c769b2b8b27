import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../infra/module.js';
import { withTx } from '../../infra/http/request-context.js';
import { errors, IdParams, Ok, CalendarDate } from '../../infra/http/schemas.js';
import { assignDevice, listAssignments, listCertificates, listDevices, recordHandover, registerCertificate, registerDevice, requestRegistrationChallenge } from './service.js';

const tags = ['signing-devices'];
const Cert = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  serialNumber: Type.String(),
  issuer: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  deviceId: Type.Union([Type.String(), Type.Null()]),
  ownerUserId: Type.Union([Type.String(), Type.Null()]),
  expired: Type.Boolean(),
  expiresSoon: Type.Boolean({ description: 'Hết hạn trong 30 ngày tới' }),
  remoteAccount: Type.Union([Type.String(), Type.Null()], { description: 'Tài khoản ký số từ xa đã dùng với chứng thư này' }),
});
const Device = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  label: Type.String(),
  serialNumber: Type.String(),
  retired: Type.Boolean(),
  holderId: Type.Union([Type.String(), Type.Null()], { description: 'Văn thư đang giữ thiết bị' }),
  pending: Type.Union([Type.Object({ assignmentId: Type.String(), holderId: Type.String(), decisionNumber: Type.String(), handoverFileId: Type.String() }), Type.Null()]),
  certificates: Type.Array(Cert),
});
const Created = Type.Object({ id: Type.String() });
const Challenge = Type.Object({
  challengeId: Type.String(),
  challenge: Type.String({ description: 'Văn bản cần ký, đúng từng byte (UTF-8)' }),
  digest: Type.String({ description: 'SHA-256 của thử thách (hex): giá trị băm gửi dịch vụ ký số từ xa' }),
  algorithm: Type.Union([Type.Literal('RSA'), Type.Literal('ECDSA')]),
  expiresAt: Type.String(),
  certificate: Type.Object({ subject: Type.String(), serialNumber: Type.String(), fingerprint: Type.String() }),
});
const Assignment = Type.Object({
  id: Type.String(),
  holderId: Type.String(),
  holderName: Type.String(),
  decision: Type.Object({
    number: Type.String({ description: 'Số quyết định' }),
    date: CalendarDate('Ngày quyết định'),
    file: Type.Union([Type.Object({ id: Type.String(), originalName: Type.String(), format: Type.String(), size: Type.Number() }), Type.Null()], { description: 'Tệp quyết định (đọc qua /api/files/:id/content)' }),
  }),
  handoverFileId: Type.String({ description: 'Biên bản bàn giao (PDF)' }),
  assignedBy: Type.String(),
  createdAt: Type.String(),
  effectiveAt: Type.Union([Type.String(), Type.Null()], { description: 'Có hiệu lực từ khi ghi nhận bàn giao' }),
  endedAt: Type.Union([Type.String(), Type.Null()]),
});

/** the agency's key devices, certificates, assignments to clerks and handovers. */
export const deviceRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get('/devices', { schema: { tags, summary: 'Thiết bị lưu khóa bí mật của cơ quan', response: { 200: Type.Array(Device), ...errors(401) } } }, async (request) => listDevices(request.ctx));
  app.post(
    '/devices',
    {
      schema: {
        tags,
        summary: 'Đăng ký thiết bị lưu khóa bí mật (Q-5.1)',
        body: Type.Object({ kind: Type.Union([Type.Literal('token'), Type.Literal('hsm'), Type.Literal('remote')]), label: Type.String({ minLength: 2, maxLength: 200 }), serialNumber: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Created, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await withTx(request, (ctx) => registerDevice(ctx, request.body)) }),
  );
  app.get('/certificates', { schema: { tags, summary: 'Chứng thư số của tôi và của cơ quan, cảnh báo sắp hết hạn', response: { 200: Type.Array(Cert), ...errors(401) } } }, async (request) =>
    listCertificates(request.ctx),
  );
  app.post(
    '/certificates/challenges',
    {
      schema: {
        tags,
        summary: 'Đăng ký chứng thư số, bước 1: tạo thử thách để người giữ khóa ký (chứng minh sở hữu khóa; Q-5.1)',
        description:
          'Lưu nguyên câu trả lời thành tệp và ký bằng công cụ ký số: `cli.ts register --p12 … --request challenge.json`, hoặc gửi tới dịch vụ ký số từ xa (POST /certificates/challenges/:id/remote). Thử thách dùng một lần, hết hạn sau 10 phút.',
        body: Type.Object({ certificate: Type.String({ minLength: 100, maxLength: 20000 }), deviceId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 201: Challenge, ...errors(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => requestRegistrationChallenge(ctx, request.body))),
  );
  app.post(
    '/certificates',
    {
      schema: {
        tags,
        summary: 'Đăng ký chứng thư số, bước 2: gửi thử thách đã ký; chứng thư được đăng ký cho cá nhân hoặc thiết bị đã nêu khi tạo thử thách (Q-5.1)',
        // Both optional so that a request without a proof is told why in Vietnamese (PROOF_MISSING).
        body: Type.Object({
          challengeId: Type.Optional(Type.String({ format: 'uuid' })),
          signature: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/]+={0,2}$', maxLength: 2000, description: 'Câu trả lời của công cụ ký số, hoặc chữ ký trả về từ dịch vụ ký số từ xa (base64)' })),
        }),
        response: { 201: Created, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await withTx(request, (ctx) => registerCertificate(ctx, request.body)) }),
  );
  app.post(
    '/devices/:id/assign',
    {
      schema: {
        tags,
        summary: 'Giao thiết bị cho văn thư theo quyết định (người đứng đầu; Q-5.2); tạo biên bản bàn giao',
        params: IdParams,
        body: Type.Object({
          holderId: Type.String({ format: 'uuid' }),
          decisionNumber: Type.String({ minLength: 1, maxLength: 50 }),
          decisionDate: CalendarDate(),
          decisionFileId: Type.String({ format: 'uuid', description: 'Tệp quyết định đã ký, đã tải lên (PDF, JPEG hoặc PNG) của cơ quan' }),
        }),
        response: { 201: Type.Object({ assignmentId: Type.String(), handoverFileId: Type.String() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await assignDevice(request.ctx, request.params.id, request.body, services.fontDir)),
  );
  app.get(
    '/devices/:id/assignments',
    { schema: { tags, summary: 'Các quyết định giao thiết bị (số, ngày, tệp quyết định) và biên bản bàn giao, mới nhất trước (Q-5.2)', params: IdParams, response: { 200: Type.Array(Assignment), ...errors(401, 404) } } },
    async (request) => listAssignments(request.ctx, request.params.id),
  );
  app.post(
    '/assignments/:id/handover',
    { schema: { tags, summary: 'Ghi nhận bàn giao: quyết định có hiệu lực từ lúc này (Q-5.3c)', params: IdParams, response: { 200: Ok, ...errors(401, 403, 404, 409) } } },
    async (request) => {
      await recordHandover(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
};
