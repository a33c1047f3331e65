// X.509 certificates for IAM Roles Anywhere, simulated: a company CA issues certificates to its
// servers, PEM-armoured as real ones are. Inside the armour is not DER but the fields Roles
// Anywhere reads (subject, issuer, serial number, validity) signed with the issuer's key, which
// only the world knows; a private key file proves possession of its certificate's key.
import { decodeBase64, encodeBase64 } from './base64.js';
import { BASE64_CHARS, digestOf, newHexId } from './ids.js';
import { isoSeconds } from './time.js';
import type { World } from './world.js';

export interface CertificateFields {
  subject: { CN: string; O?: string; OU?: string };
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Which key pair the certificate is for. */
  keyId: string;
  /** The issuer's key id: its own for a CA's self-signed certificate. */
  issuerKeyId: string;
  isCa: boolean;
}

interface Signed extends CertificateFields {
  signature: string;
}

const DAY_MS = 86_400_000;

function armour(label: string, content: unknown): string {
  const body = encodeBase64(JSON.stringify(content)).replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body.trimEnd()}\n-----END ${label}-----\n`;
}

function unarmour(label: string, pem: string): unknown {
  const match = new RegExp(`-----BEGIN ${label}-----([^-]*)-----END ${label}-----`).exec(pem);
  const text = match ? decodeBase64(match[1]?.replace(/\s+/g, '') ?? '') : undefined;
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

const signatureOf = (world: World, fields: CertificateFields) =>
  digestOf(`${world.seed}:key:${fields.issuerKeyId}:${JSON.stringify(fields)}`, 86, BASE64_CHARS);

function issue(world: World, fields: Omit<CertificateFields, 'keyId'>, keyId: string) {
  const complete: CertificateFields = { ...fields, keyId };
  const certificate = armour('CERTIFICATE', {
    ...complete,
    signature: signatureOf(world, complete),
  });
  const privateKey = armour('PRIVATE KEY', {
    keyId,
    secret: digestOf(`${world.seed}:secret:${keyId}`, 48, BASE64_CHARS),
  });
  return { certificate, privateKey };
}

/** A new certificate authority: its self-signed certificate and its private key. */
export function createCertificateAuthority(world: World, commonName: string) {
  const keyId = newHexId(world);
  return issue(
    world,
    {
      subject: { CN: commonName },
      issuer: commonName,
      serialNumber: newHexId(world),
      notBefore: isoSeconds(world.now),
      notAfter: isoSeconds(world.now + 3650 * DAY_MS),
      issuerKeyId: keyId,
      isCa: true,
    },
    keyId,
  );
}

/** The fields of a certificate whose signature is its issuer's, or undefined. */
export function readCertificate(world: World, pem: string): CertificateFields | undefined {
  const value = unarmour('CERTIFICATE', pem);
  if (typeof value !== 'object' || value === null) return undefined;
  const { signature, ...fields } = value as Signed;
  return typeof signature === 'string' && signature === signatureOf(world, fields)
    ? fields
    : undefined;
}

/** The key id of a private key file, or undefined. */
export function readPrivateKey(pem: string): string | undefined {
  const value = unarmour('PRIVATE KEY', pem) as { keyId?: unknown } | undefined;
  return typeof value?.keyId === 'string' ? value.keyId : undefined;
}

/** A certificate the CA (its certificate and key) issues for `subject`, valid `days` days. */
export function issueCertificate(
  world: World,
  authority: { certificate: string; privateKey: string },
  subject: CertificateFields['subject'],
  days: number,
): { certificate: string; privateKey: string } | string {
  const ca = readCertificate(world, authority.certificate);
  if (ca?.isCa !== true) return 'the CA certificate is not a valid CA certificate';
  if (readPrivateKey(authority.privateKey) !== ca.keyId) return "the key is not the CA's key";
  return issue(
    world,
    {
      subject,
      issuer: ca.subject.CN,
      serialNumber: newHexId(world),
      notBefore: isoSeconds(world.now),
      notAfter: isoSeconds(world.now + days * DAY_MS),
      issuerKeyId: ca.keyId,
      isCa: false,
    },
    newHexId(world),
  );
}
