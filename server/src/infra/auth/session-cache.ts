import type { Actor } from './actor.js';
import type { Session } from './sessions.js';

const FRESH_MS = 5000;
const MAX_ENTRIES = 10_000;

interface Entry {
  session: Session;
  actor: Actor;
  /** Real time, so a test clock that stands still cannot keep an entry for ever. */
  cachedAt: number;
  /** The app's clock at caching, so a clock moved on (hours later, in a test or after sleep) misses. */
  clockAt: number;
}

/**
 * The session and actor of a cookie, kept a few seconds: each API call would otherwise read both
 * again, two of the three database round trips of a busy clerk's registration. Revoking a session
 * or a user's sessions (logout, disabling, a change of roles) drops its entries in this process at
 * once, and for FRESH_MS nothing of that user or session is cached again: the change is written in
 * a transaction still open when it is forgotten, and a request reading meanwhile would see the old
 * rows. Another server process sees the change within FRESH_MS.
 */
class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** "user:<id>" or "session:<id>" → until when (performance.now()) it may not be cached. */
  private readonly blocked = new Map<string, number>();

  get(token: string, now: Date): { session: Session; actor: Actor } | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const clockAge = now.getTime() - entry.clockAt;
    const fresh = performance.now() - entry.cachedAt < FRESH_MS && clockAge >= 0 && clockAge < FRESH_MS && now < entry.session.expiresAt;
    if (!fresh) this.entries.delete(token);
    return fresh ? entry : undefined;
  }

  set(token: string, session: Session, actor: Actor, now: Date): void {
    const t = performance.now();
    if ((this.blocked.get(`user:${session.userId}`) ?? 0) > t || (this.blocked.get(`session:${session.id}`) ?? 0) > t) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { session, actor, cachedAt: performance.now(), clockAt: now.getTime() });
  }

  forget(match: { sessionId?: string; userId?: string }): void {
    const until = performance.now() + FRESH_MS;
    if (this.blocked.size >= MAX_ENTRIES) for (const [key, t] of this.blocked) if (t < performance.now()) this.blocked.delete(key);
    if (match.userId) this.blocked.set(`user:${match.userId}`, until);
    if (match.sessionId) this.blocked.set(`session:${match.sessionId}`, until);
    for (const [token, entry] of this.entries) {
      if (entry.session.id === match.sessionId || entry.session.userId === match.userId) this.entries.delete(token);
    }
  }
}

export const sessionCache = new SessionCache();

/** A user's name, unit or roles changed: their next request reads them again. */
export const forgetCachedUser = (userId: string) => sessionCache.forget({ userId });
