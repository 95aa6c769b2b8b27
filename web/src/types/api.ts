/** Shapes the server returns, shared by several features. */
import type { Role } from '@/config/roles';

export interface Agency {
  id: string;
  parentId: string | null;
  code: string;
  adminCode: string;
  name: string;
  abbreviation: string;
  address: string;
  email: string | null;
  phone: string | null;
  disabled: boolean;
}

export interface Unit {
  id: string;
  agencyId: string;
  name: string;
  abbreviation: string;
  disabled: boolean;
}

export interface AgencyDetail extends Agency {
  units: Unit[];
}

export interface User {
  id: string;
  agencyId: string;
  unitId: string | null;
  username: string;
  fullName: string;
  positionTitle: string | null;
  email: string | null;
  phone: string | null;
  roles: Role[];
  disabled: boolean;
}

export interface Session {
  user: { id: string; username: string; fullName: string; positionTitle: string | null };
  agency: { id: string; code: string; name: string; abbreviation: string };
  unit: { id: string; name: string; abbreviation: string } | null;
  roles: Role[];
  csrfToken: string;
}

/** A signing certificate (GET /api/signing/certificates): a person's own, or the agency's on a key device. */
export interface Certificate {
  id: string;
  subject: string;
  serialNumber: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  deviceId: string | null;
  ownerUserId: string | null;
  expired: boolean;
  expiresSoon: boolean;
  /** The remote signing account last used with this certificate. */
  remoteAccount: string | null;
}

/** What the server answers to a "prepare signing" step; `request` is what the signing agent signs. */
export interface AgentItem {
  toBeSigned: string;
  algorithm: string;
}

export interface SigningRequest {
  sessionId: string;
  /** The agent's request file: one item, or `{items}` when appendices are signed in the same run. */
  request: AgentItem | { items: AgentItem[] };
  /** With appendices: what each item of the batch is, in order. */
  items?: { kind: 'main' | 'appendix'; appendixId: string | null; title: string; digest: string }[];
  digest: string;
  certificate: { subject: string; serialNumber: string };
  /** Where the signature or seal image goes: as the rules say, in a box given, nowhere found, or no image uploaded. */
  placement?: 'found' | 'given' | 'not_found' | 'no_image';
  box?: PageBox;
}

/** A box on a page in PDF points from its bottom-left corner. */
export interface PageBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What preparing a signature takes: the certificate, and where the image goes when placed by hand. */
export interface PrepareInput {
  certificateId: string;
  box?: PageBox;
}

/** The signing agent's answer, sent back to complete the signature. */
export interface SignatureAnswer {
  sessionId: string;
  /** One value, or `signatures` in the order of a batch request. */
  signature?: string;
  signatures?: string[];
  certificateChain?: string[];
}
