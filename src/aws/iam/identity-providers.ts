// Identity providers for federation (id_roles_providers): a SAML 2.0 provider made from the IdP's
// metadata document, and an OpenID Connect provider made from its issuer URL (`https://...`), with
// the audiences (client ids) it may issue tokens for. Roles name them in their trust policies as
// `arn:aws:iam::ACCOUNT:saml-provider/NAME` and `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`.
// Deleting a provider leaves the roles that trust it in place: their trust policies still name
// it, but nobody can sign in through it any more. OIDC messages are AWS's as recorded in
// localstack's test_iam_oidc snapshot, and DeleteSAMLProvider's in test_iam_saml_providers; the
// SAML ones for a duplicate name and unreadable metadata were not found recorded and follow IAM's
// usual wording.
import { AwsError, limitExceeded, validationError } from '../errors.js';
import { requiredText, strings } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { OidcProvider, SamlProvider } from '../world.js';
import { callerAccount } from './account.js';
import { requestTags, tagContext } from './tags.js';
import { tagsView } from './views.js';

const MAX_THUMBPRINTS = 5;
const MAX_CLIENT_IDS = 100;

const samlArn = (account: string, name: string) => `arn:aws:iam::${account}:saml-provider/${name}`;

/** The provider ARN names the issuer without its scheme: `oidc-provider/token.actions...`. */
const oidcArn = (account: string, url: string) =>
  `arn:aws:iam::${account}:oidc-provider/${url.replace(/^https:\/\//, '')}`;

/** The metadata's validUntil attribute, when it has one that reads as a date. */
function validUntilOf(metadata: string): string | undefined {
  const stated = /\bvalidUntil="([^"]+)"/.exec(metadata)?.[1];
  const time = stated === undefined ? NaN : Date.parse(stated);
  return Number.isNaN(time) ? undefined : isoSeconds(time);
}

export const CreateSAMLProvider: Operation = {
  service: 'iam',
  name: 'CreateSAMLProvider',
  action: 'iam:CreateSAMLProvider',
  resource: (env, params) => samlArn(callerAccount(env).id, requiredText(params, 'Name')),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const name = requiredText(params, 'Name');
    const arn = samlArn(account.id, name);
    if (account.iam.samlProviders[arn]) {
      throw new AwsError('EntityAlreadyExists', `SAMLProvider ${name} already exists.`);
    }
    const metadata = requiredText(params, 'SAMLMetadataDocument');
    if (!metadata.includes('EntityDescriptor')) {
      throw new AwsError('InvalidInput', 'Could not parse metadata');
    }
    const tags = requestTags(params);
    const validUntil = validUntilOf(metadata);
    const provider: SamlProvider = {
      arn,
      name,
      samlMetadataDocument: metadata,
      createDate: isoSeconds(env.world.now),
      ...(validUntil === undefined ? {} : { validUntil }),
      tags,
    };
    account.iam.samlProviders[arn] = provider;
    return { SAMLProviderArn: arn, ...tagsView(tags) };
  },
};

export const ListSAMLProviders: Operation = {
  service: 'iam',
  name: 'ListSAMLProviders',
  action: 'iam:ListSAMLProviders',
  resource: () => '*',
  run: (env) => ({
    SAMLProviderList: Object.values(callerAccount(env).iam.samlProviders).map((provider) => ({
      Arn: provider.arn,
      ...(provider.validUntil === undefined ? {} : { ValidUntil: provider.validUntil }),
      CreateDate: provider.createDate,
    })),
  }),
};

export const CreateOpenIDConnectProvider: Operation = {
  service: 'iam',
  name: 'CreateOpenIDConnectProvider',
  action: 'iam:CreateOpenIDConnectProvider',
  resource: (env, params) => oidcArn(callerAccount(env).id, requiredText(params, 'Url')),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const url = requiredText(params, 'Url');
    if (!/^https:\/\/[^/\s]+/.test(url))
      throw validationError('Invalid Open ID Connect Provider URL');
    const arn = oidcArn(account.id, url);
    if (account.iam.oidcProviders[arn]) {
      throw new AwsError('EntityAlreadyExists', `Provider with url ${url} already exists.`);
    }
    const thumbprints = strings(params, 'ThumbprintList') ?? [];
    if (thumbprints.length > MAX_THUMBPRINTS) {
      throw new AwsError('InvalidInput', 'Thumbprint list must contain fewer than 5 entries.');
    }
    const clientIds = strings(params, 'ClientIDList') ?? [];
    if (clientIds.length > MAX_CLIENT_IDS) {
      throw limitExceeded('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
    }
    const tags = requestTags(params);
    const provider: OidcProvider = {
      arn,
      url,
      clientIdList: clientIds,
      thumbprintList: thumbprints,
      createDate: isoSeconds(env.world.now),
      tags,
    };
    account.iam.oidcProviders[arn] = provider;
    return { OpenIDConnectProviderArn: arn, ...tagsView(tags) };
  },
};

export const ListOpenIDConnectProviders: Operation = {
  service: 'iam',
  name: 'ListOpenIDConnectProviders',
  action: 'iam:ListOpenIDConnectProviders',
  resource: () => '*',
  run: (env) => ({
    OpenIDConnectProviderList: Object.keys(callerAccount(env).iam.oidcProviders).map((arn) => ({
      Arn: arn,
    })),
  }),
};

export const DeleteSAMLProvider: Operation = {
  service: 'iam',
  name: 'DeleteSAMLProvider',
  action: 'iam:DeleteSAMLProvider',
  resource: (_env, params) => requiredText(params, 'SAMLProviderArn'),
  run: (env, params) => {
    const { iam } = callerAccount(env);
    const arn = requiredText(params, 'SAMLProviderArn');
    if (!iam.samlProviders[arn]) {
      throw new AwsError('NoSuchEntity', `Manifest not found for arn ${arn}`);
    }
    Reflect.deleteProperty(iam.samlProviders, arn);
    return {};
  },
};

export const DeleteOpenIDConnectProvider: Operation = {
  service: 'iam',
  name: 'DeleteOpenIDConnectProvider',
  action: 'iam:DeleteOpenIDConnectProvider',
  resource: (_env, params) => requiredText(params, 'OpenIDConnectProviderArn'),
  run: (env, params) => {
    const { iam } = callerAccount(env);
    const arn = requiredText(params, 'OpenIDConnectProviderArn');
    if (!iam.oidcProviders[arn]) {
      throw new AwsError('NoSuchEntity', `OpenId connect Provider ${arn} cannot be found.`);
    }
    Reflect.deleteProperty(iam.oidcProviders, arn);
    return {};
  },
};
