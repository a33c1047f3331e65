// SAML 2.0 federation for AssumeRoleWithSAML (id_roles_providers_saml,
// id_roles_providers_create_saml_assertions, API_AssumeRoleWithSAML): a simulated corporate
// identity provider publishes its metadata (for CreateSAMLProvider) and, when a user signs in,
// issues a signed assertion naming the roles the user may take (the
// `https://aws.amazon.com/SAML/Attributes/Role` attribute, "ROLE_ARN,PROVIDER_ARN" pairs) and a
// session name. The signature covers the whole document, so an edited assertion is refused before
// anything in it is believed. STS's answers: `InvalidIdentityToken` `Specified provider doesn't
// exist.` and `Response signature invalid`; `ExpiredTokenException` `Token must be redeemed
// within 5 minutes of issuance`; a role the assertion does not offer: AccessDenied.
import { decodeBase64, encodeBase64 } from './base64.js';
import { AwsError } from './errors.js';
import { BASE64_CHARS, digestOf } from './ids.js';
import { isoSeconds } from './time.js';
import type { World } from './world.js';

export const DEFAULT_IDP = 'https://idp.example.com/saml';
export const AWS_SAML_AUDIENCE = 'https://signin.aws.amazon.com/saml';
const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SESSION_NAME_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
/** AWS accepts an assertion for five minutes after it was issued. */
const REDEEM_WITHIN_MS = 5 * 60 * 1000;

const SIGNATURE = /<ds:SignatureValue>([^<]*)<\/ds:SignatureValue>/;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

function signatureOf(world: World, entityId: string, unsigned: string): string {
  return digestOf(`${world.seed}:saml:${entityId}:${unsigned}`, 172, BASE64_CHARS);
}

/**
 * The IdP's metadata document, what an administrator gives CreateSAMLProvider: its entity id, its
 * signing certificate (a stand-in of a real one's size: IAM wants at least 1,000 characters) and
 * where users sign in.
 */
export function identityProviderMetadata(entityId: string): string {
  const id = escapeXml(entityId);
  const certificate = digestOf(`certificate:${entityId}`, 960, BASE64_CHARS).replace(
    /(.{64})/g,
    '$1\n        ',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${id}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>
        ${certificate}
      </ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${id}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}

export interface SignIn {
  entityId: string;
  /** The user's name at the IdP: the assertion's NameID and, by default, the session name. */
  user: string;
  /** "ROLE_ARN,PROVIDER_ARN" pairs the user may take. */
  roles: string[];
}

/** The base64 SAML response the IdP posts to AWS after the user signs in. */
export function issueSamlAssertion(world: World, signIn: SignIn): string {
  const now = isoSeconds(world.now);
  const until = isoSeconds(world.now + REDEEM_WITHIN_MS);
  const attribute = (name: string, values: string[]) =>
    `<saml:Attribute Name="${name}">${values
      .map((value) => `<saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue>`)
      .join('')}</saml:Attribute>`;
  const unsigned = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" IssueInstant="${now}">
<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${escapeXml(signIn.entityId)}</saml:Issuer>
<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" IssueInstant="${now}">
<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(signIn.user)}</saml:NameID>
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${AWS_SAML_AUDIENCE}"/></saml:SubjectConfirmation></saml:Subject>
<saml:Conditions NotBefore="${now}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${AWS_SAML_AUDIENCE}</saml:Audience></saml:AudienceRestriction></saml:Conditions>
<saml:AttributeStatement>${attribute(ROLE_ATTRIBUTE, signIn.roles)}${attribute(SESSION_NAME_ATTRIBUTE, [signIn.user])}</saml:AttributeStatement>
</saml:Assertion>
</samlp:Response>`;
  const signature = signatureOf(world, signIn.entityId, unsigned);
  const signed = unsigned.replace(
    '</samlp:Response>',
    `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>${signature}</ds:SignatureValue></ds:Signature>\n</samlp:Response>`,
  );
  return encodeBase64(signed);
}

/** What STS read from an assertion it accepted. */
export interface VerifiedAssertion {
  issuer: string;
  subject: string;
  audience: string;
  sessionName: string;
  /** "ROLE_ARN,PROVIDER_ARN" pairs. */
  roles: string[];
}

const invalid = (message: string) => new AwsError('InvalidIdentityToken', message);

function first(xml: string, pattern: RegExp): string {
  return unescapeXml(pattern.exec(xml)?.[1] ?? '');
}

function attributeValues(xml: string, name: string): string[] {
  const attribute =
    new RegExp(`<saml:Attribute Name="${name}">(.*?)</saml:Attribute>`).exec(xml)?.[1] ?? '';
  return [...attribute.matchAll(/<saml:AttributeValue>([^<]*)<\/saml:AttributeValue>/g)].map((m) =>
    unescapeXml(m[1] ?? ''),
  );
}

/**
 * The assertion's content, if it was signed by the IdP whose metadata the provider holds and is
 * still fresh; AWS's error if not.
 */
export function verifySamlAssertion(
  world: World,
  providerMetadata: string | undefined,
  assertion: string,
): VerifiedAssertion {
  if (providerMetadata === undefined) throw invalid("Specified provider doesn't exist.");
  const entityId = unescapeXml(/\bentityID="([^"]*)"/.exec(providerMetadata)?.[1] ?? '');
  const xml = decodeBase64(assertion);
  const signature = xml === undefined ? undefined : SIGNATURE.exec(xml)?.[1];
  const unsigned = xml?.replace(/<ds:Signature [^]*?<\/ds:Signature>\n/, '');
  if (
    xml === undefined ||
    signature === undefined ||
    unsigned === undefined ||
    first(xml, /<saml:Issuer[^>]*>([^<]*)</) !== entityId ||
    signature !== signatureOf(world, entityId, unsigned)
  ) {
    throw invalid('Response signature invalid');
  }
  const notOnOrAfter = Date.parse(first(xml, /<saml:Conditions [^>]*NotOnOrAfter="([^"]*)"/));
  if (!(world.now < notOnOrAfter)) {
    throw new AwsError(
      'ExpiredTokenException',
      'Token must be redeemed within 5 minutes of issuance',
    );
  }
  return {
    issuer: entityId,
    subject: first(xml, /<saml:NameID[^>]*>([^<]*)</),
    audience: first(xml, /<saml:Audience>([^<]*)</),
    sessionName: attributeValues(xml, SESSION_NAME_ATTRIBUTE)[0] ?? '',
    roles: attributeValues(xml, ROLE_ATTRIBUTE),
  };
}
