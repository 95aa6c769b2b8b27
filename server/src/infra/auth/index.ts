/** Đăng nhập, phiên làm việc, mật khẩu (authentication). */
import type { AppModule } from '../module.js';
import { authMigrations } from './migrations.js';
import { authRoutes } from './routes.js';

export const authModule: AppModule = { name: 'auth', prefix: 'auth', migrations: authMigrations, routes: authRoutes };
export { revokeUserSessions } from './sessions.js';
export { forgetCachedUser } from './session-cache.js';
export { hashPassword, passwordProblem } from './password.js';
export { clearAccount as clearLoginThrottle, accountLocks } from './throttle.js';
