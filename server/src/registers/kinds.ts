/**
 * Kinds of register (sổ). Each agency has one register of a kind per calendar year (per series),
 * numbered from 1 on 1 January, Vietnam time.
 */
export const REGISTER_KINDS = {
  incoming: 'Sổ đăng ký văn bản đến',
  outgoing: 'Sổ đăng ký văn bản đi',
  copy: 'Sổ đăng ký bản sao văn bản',
} as const;

export type RegisterKind = keyof typeof REGISTER_KINDS;
