import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../module.js';
import { withTx } from '../http/request-context.js';
import { errors, Ok } from '../http/schemas.js';
import { AppError, forbidden } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.js';
import { login } from './login.js';
import { assertMayTry, countWrongPassword, lockedMessage } from './attempts.js';
import { accountLocks, clearAccount } from './throttle.js';
import { hasRole } from './actor.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { CSRF_COOKIE, revokeSession, revokeUserSessions, SESSION_COOKIE } from './sessions.js';

const Me = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), fullName: Type.String(), positionTitle: Type.Union([Type.String(), Type.Null()]) }),
  agency: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), abbreviation: Type.String() }),
  unit: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), abbreviation: Type.String() }), Type.Null()]),
  roles: Type.Array(Type.String()),
  csrfToken: Type.String({ description: 'Gửi lại trong tiêu đề X-CSRF-Token với mọi yêu cầu thay đổi dữ liệu' }),
});

export const authRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: services.secureCookies };

  const clearCookies = (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
  };

  app.post(
    '/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Me, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const session = await login(request.ctx, services.identity, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      const actor = await services.identity.loadActor(request.ctx.db, session.userId);
      if (!actor) throw new AppError('INVALID_CREDENTIALS', 'Tài khoản không còn hoạt động.');
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, expires: session.expiresAt });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, expires: session.expiresAt });
      return { ...(await services.identity.describe(request.ctx.db, actor)), csrfToken: session.csrfToken } as never;
    },
  );

  app.post('/logout', { config: { selfService: true }, schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: Ok, ...errors(401, 403) } } }, async (request, reply) => {
    await withTx(request, async (ctx) => {
      await revokeSession(ctx.db, request.session!.id, ctx.clock.now());
      await recordAudit(ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor!.userId });
    });
    clearCookies(reply);
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: Me, ...errors(401) } } }, async (request) => {
    const described = await services.identity.describe(request.ctx.db, request.ctx.actor!);
    return { ...described, csrfToken: request.session!.csrfToken } as never;
  });

  app.post(
    '/password',
    {
      config: { selfService: true },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu (các phiên khác bị đăng xuất)',
        body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Ok, ...errors(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const actor = request.ctx.actor!;
      const { currentPassword, newPassword } = request.body;
      const who = { username: actor.username, userId: actor.userId, agencyId: actor.agencyId };
      // A stolen session must not become a way round the login's throttle.
      await assertMayTry(request.ctx, who);
      const cred = await services.identity.findCredentials(request.ctx.db, actor.username);
      if (!cred || !(await verifyPassword(cred.passwordHash, currentPassword))) {
        const locked = await countWrongPassword(request.ctx, who, 'password_check_failed', 'bad_password');
        if (locked) throw new AppError('ACCOUNT_LOCKED', lockedMessage(locked, request.ctx.clock.now()), { lockedUntil: locked.toISOString() });
        throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [{ field: 'currentPassword' }]);
      }
      const problem = passwordProblem(newPassword, actor.username);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ field: 'newPassword' }]);
      const hashed = await hashPassword(newPassword);
      await withTx(request, async (ctx) => {
        await services.identity.setPasswordHash(ctx.db, actor.userId, hashed);
        await clearAccount(ctx.db, actor.username);
        await revokeUserSessions(ctx.db, actor.userId, ctx.clock.now(), request.session!.id);
        await recordAudit(ctx, { action: 'auth.password_changed', objectType: 'user', objectId: actor.userId });
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/locks',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản đang bị tạm khóa trên một máy hoặc đang bị giãn thời gian đăng nhập (quản trị hệ thống)',
        response: {
          200: Type.Array(Type.Object({ username: Type.String(), ip: Type.Union([Type.String(), Type.Null()]), until: Type.String({ format: 'date-time' }), kind: Type.Union([Type.Literal('locked'), Type.Literal('slowed')]) })),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      if (!hasRole(request.ctx.actor!, 'admin')) throw forbidden();
      const locks = await accountLocks(request.ctx.db, undefined, request.ctx.clock.now());
      return locks.map((l) => ({ ...l, until: l.until.toISOString() }));
    },
  );
};
