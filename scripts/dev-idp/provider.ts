import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import type { DemoDirectory } from "./directory";
import { registeredAppOrigins, type DevIdpOptions } from "./options";
import { renderLogoutPage, renderMessagePage } from "./pages";

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomBytes(8).toString("hex"), use: "sig", alg: "RS256" };
}

/**
 * Consent is implied for Confer, a first-party client: grant every scope and claim it asked for instead of
 * rendering a consent screen.
 */
async function grantFirstPartyConsent(ctx: KoaContextWithOIDC) {
  const { client, session } = ctx.oidc;
  const accountId = session?.accountId;
  if (!client || !session || !accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
  grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
  grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

export function createDevProvider(options: DevIdpOptions, directory: DemoDirectory): Provider {
  const origins = registeredAppOrigins(options.appUrls);
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: "Confer",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        redirect_uris: origins.map((origin) => `${origin}/api/auth/callback/oidc`),
        post_logout_redirect_uris: origins.map((origin) => `${origin}/signin?signedOut=1`),
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    responseTypes: ["code"],
    // Explicit lifetimes (seconds): a working day of IdP session, short-lived tokens and login pages.
    ttl: { Session: 8 * 3600, Grant: 8 * 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 3600, IdToken: 3600 },
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username"],
      email: ["email", "email_verified"],
      groups: ["groups"],
    },
    // Without this the ID token carries only `sub` when an access token is issued too, and `groups` would never
    // reach the app's session (Auth.js reads the ID token).
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const user = directory.users.find((candidate) => candidate.username === sub);
      if (!user) return undefined;
      return {
        accountId: user.username,
        async claims() {
          return {
            sub: user.username,
            name: user.name,
            preferred_username: user.username,
            email: user.email,
            email_verified: true,
            groups: user.groups,
          };
        },
      };
    },
    loadExistingGrant: grantFirstPartyConsent,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.body = renderLogoutPage(form, ctx.oidc.params?.id_token_hint !== undefined);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.body = renderMessagePage("Signed out", "You are signed out of the dev identity provider.");
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = renderMessagePage("Sign-in error", `${out.error}: ${out.error_description ?? ""}`);
    },
  };
  return new Provider(options.issuer, configuration);
}
