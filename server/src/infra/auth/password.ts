import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes): about 50 ms here, slow enough against guessing.
// `algorithm: 2` is Argon2id (the library exports it as a const enum, unusable under isolatedModules).
const OPTIONS: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('vanthu-no-such-user');
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 8;

/** Vietnamese message when a new password is too weak, or null. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  if (!/[0-9]/.test(password) || !/\p{L}/u.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}
