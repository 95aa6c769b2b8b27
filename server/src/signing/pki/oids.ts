/** Object identifiers used by CMS (RFC 5652), ESS (RFC 5035) and X.509 (RFC 5280). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** RFC 3161 TSTInfo, the content of a timestamp token. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** id-aa-signatureTimeStampToken (RFC 3161 Appendix A): a timestamp over the signature value. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** id-kp-timeStamping (RFC 3161 §2.3): the only purpose a TSA certificate may have. */
  timeStamping: '1.3.6.1.5.5.7.3.8',
  /** ExpiredCertsOnCRL (X.509 §9.6.2.9, RFC 5280 §5): the CRL still lists certificates expired since this date. */
  expiredCertsOnCrl: '2.5.29.60',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha224: '2.16.840.1.101.3.4.2.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
} as const;

/** asn1js and pkijs want an ArrayBuffer-backed view; a Buffer may sit on a shared pool. */
export function asn1Input(bytes: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
