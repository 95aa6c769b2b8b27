import type { Generated } from 'kysely';

export interface AuthSessionTable {
  /** SHA-256 of the cookie token: a stolen database does not give working cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthThrottleTable {
  /** 'pair:<username>|<address>', 'user:<username>' or 'ip:<address>' */
  key: string;
  failures: Generated<number>;
  window_start: Date;
  /** Only pairs are locked; accounts and addresses are slowed down. */
  locked_until: Date | null;
  last_failure_at: Date | null;
}

/** Addresses an account logged in from: only their own pair lock applies there. */
export interface AuthKnownAddressTable {
  username: string;
  ip: string;
  last_login_at: Date;
}

export type AuthTables = {
  auth_session: AuthSessionTable;
  auth_throttle: AuthThrottleTable;
  auth_known_address: AuthKnownAddressTable;
}
