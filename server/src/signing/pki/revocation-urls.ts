/**
 * Where a certificate says its status can be asked: the OCSP responders of its Authority
 * Information Access extension and the CRL distribution points (RFC 5280 §4.2.2.1, §4.2.1.13).
 * Only http addresses are returned: OCSP and CRLs are signed, so TLS adds nothing but a second
 * certificate path to check, and LDAP or file addresses are not for a server to follow.
 */
import * as pkijs from 'pkijs';

const AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';
const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const AD_OCSP = '1.3.6.1.5.5.7.48.1';
/** GeneralName uniformResourceIdentifier [6]. */
const URI = 6;

export function ocspUrls(cert: pkijs.Certificate): string[] {
  const access = extension(cert, AUTHORITY_INFO_ACCESS);
  if (!(access instanceof pkijs.InfoAccess)) return [];
  return httpOnly(access.accessDescriptions.filter((d) => d.accessMethod === AD_OCSP).map((d) => d.accessLocation));
}

export function crlUrls(cert: pkijs.Certificate): string[] {
  const points = extension(cert, CRL_DISTRIBUTION_POINTS);
  if (!(points instanceof pkijs.CRLDistributionPoints)) return [];
  // A point naming its CRL issuer (indirect CRL) or limited to some reasons is not the issuer's
  // complete list; the verifier only understands complete lists signed by the issuer.
  const complete = points.distributionPoints.filter((p) => !p.cRLIssuer && !p.reasons);
  return httpOnly(complete.flatMap((p) => (Array.isArray(p.distributionPoint) ? p.distributionPoint : [])));
}

function extension(cert: pkijs.Certificate, oid: string): unknown {
  return cert.extensions?.find((e) => e.extnID === oid)?.parsedValue;
}

function httpOnly(names: pkijs.GeneralName[]): string[] {
  const urls = names.filter((n) => n.type === URI && typeof n.value === 'string').map((n) => n.value as string);
  return [...new Set(urls.filter((url) => /^http:\/\/[^\s]+$/i.test(url)))];
}
