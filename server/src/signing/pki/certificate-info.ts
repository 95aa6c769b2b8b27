/**
 * What people need to see of a certificate. Names are read attribute by attribute with pkijs,
 * which decodes each string type (UTF8String, BMPString, PrintableString…), rather than by
 * parsing node:crypto's one-line text form.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { asn1Input, OID } from './oids.js';

export interface CertificateInfo {
  commonName?: string;
  organization?: string;
  /** The whole subject, most specific part first: "CN=…, O=…, C=VN". */
  subject: string;
  issuer: string;
  issuerCommonName?: string;
  /** Upper-case hex, as CAs print it. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE_BITS: KeyUsage[] = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.organization]: 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'SERIALNUMBER',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

export function describeCertificate(der: Buffer | pkijs.Certificate): CertificateInfo {
  const certificate = der instanceof pkijs.Certificate ? der : pkijs.Certificate.fromBER(asn1Input(der));
  return {
    commonName: attributeOf(certificate.subject, OID.commonName),
    organization: attributeOf(certificate.subject, OID.organization),
    subject: nameToString(certificate.subject),
    issuer: nameToString(certificate.issuer),
    issuerCommonName: attributeOf(certificate.issuer, OID.commonName),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
  };
}

export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${textOf(tv.value)}`)
    .reverse()
    .join(', ');
}

function attributeOf(name: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  const found = name.typesAndValues.find((tv) => tv.type === type);
  return found && textOf(found.value);
}

function textOf(value: asn1js.AsnType): string {
  const block = (value as asn1js.BaseStringBlock).valueBlock as { value?: unknown };
  return typeof block?.value === 'string' ? block.value : '';
}

/** Names of the key usage bits; undefined when the extension is absent, which means no restriction. */
export function keyUsageOf(certificate: pkijs.Certificate): KeyUsage[] | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!extension) return undefined;
  const bits = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
  const bytes = bits.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, i) => (bytes[i >> 3] ?? 0) & (0x80 >> (i & 7)));
}
