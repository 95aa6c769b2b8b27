import { AppError, type ErrorCode } from '../shared/errors.js';

/** Why signing was refused; `message` is for people, `reason` for programs and tests. */
export type SigningFailure =
  | 'KEY_UNREADABLE'
  | 'KEY_UNSUPPORTED'
  | 'CHAIN_INVALID'
  | 'PDF_UNREADABLE'
  | 'PDF_ENCRYPTED'
  | 'PDF_LOCKED'
  | 'FIELD_EXISTS'
  | 'APPEARANCE_INVALID'
  | 'NO_PLACEHOLDER'
  | 'ALREADY_SIGNED'
  | 'SIGNATURE_TOO_LARGE'
  | 'PREPARED_CHANGED'
  | 'SIGNATURE_MISMATCH'
  | 'CERTIFY_NOT_FIRST'
  | 'ISSUE_PLACES_MISSING'
  | 'ISSUE_PLACES_FILLED';

const STATUS: Record<SigningFailure, ErrorCode> = {
  KEY_UNREADABLE: 'BAD_REQUEST',
  KEY_UNSUPPORTED: 'BAD_REQUEST',
  CHAIN_INVALID: 'BAD_REQUEST',
  PDF_UNREADABLE: 'UNSUPPORTED_FORMAT',
  PDF_ENCRYPTED: 'UNSUPPORTED_FORMAT',
  PDF_LOCKED: 'CONFLICT',
  FIELD_EXISTS: 'CONFLICT',
  APPEARANCE_INVALID: 'VALIDATION_FAILED',
  NO_PLACEHOLDER: 'BAD_REQUEST',
  ALREADY_SIGNED: 'CONFLICT',
  SIGNATURE_TOO_LARGE: 'INTERNAL_ERROR',
  PREPARED_CHANGED: 'CONFLICT',
  SIGNATURE_MISMATCH: 'BAD_REQUEST',
  CERTIFY_NOT_FIRST: 'CONFLICT',
  ISSUE_PLACES_MISSING: 'VALIDATION_FAILED',
  ISSUE_PLACES_FILLED: 'CONFLICT',
};

export class SigningError extends AppError {
  constructor(
    readonly reason: SigningFailure,
    message: string,
  ) {
    super(STATUS[reason], message, { reason });
  }
}
