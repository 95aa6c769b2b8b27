/**
 * The vocabulary of signature validation results, from ETSI EN 319 102-1 §5.1.3 (Table 5):
 * an indication, and for anything not valid a sub-indication saying why.
 */
export type Indication = 'VALID' | 'INVALID' | 'INDETERMINATE';

/** Sub-indications of TOTAL-FAILED, reported here as INVALID. */
export type FailedSubIndication = 'FORMAT_FAILURE' | 'HASH_FAILURE' | 'SIG_CRYPTO_FAILURE' | 'REVOKED' | 'EXPIRED' | 'NOT_YET_VALID';

export type IndeterminateSubIndication =
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TRY_LATER'
  | 'SIGNED_DATA_NOT_FOUND';

export type SubIndication = FailedSubIndication | IndeterminateSubIndication;

/** One thing found wrong; a signature's verdict is its most serious finding. */
export interface Finding {
  indication: Exclude<Indication, 'VALID'>;
  subIndication: SubIndication;
  /** For people, in Vietnamese. */
  message: string;
}

export function invalid(subIndication: FailedSubIndication | 'SIG_CONSTRAINTS_FAILURE', message: string): Finding {
  return { indication: 'INVALID', subIndication, message };
}

export function indeterminate(subIndication: IndeterminateSubIndication, message: string): Finding {
  return { indication: 'INDETERMINATE', subIndication, message };
}

/** The first INVALID finding, else the first INDETERMINATE one: findings are listed in check order. */
export function worst(findings: Finding[]): Finding | undefined {
  return findings.find((f) => f.indication === 'INVALID') ?? findings[0];
}

/** Combines verdicts: any INVALID makes INVALID, else any INDETERMINATE makes INDETERMINATE. */
export function combine(indications: Indication[]): Indication {
  if (indications.includes('INVALID')) return 'INVALID';
  if (indications.includes('INDETERMINATE')) return 'INDETERMINATE';
  return 'VALID';
}
