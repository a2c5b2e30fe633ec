// Who is signed in: the platform token the development login page keeps in this tab (and hands back in the URL
// fragment beside this tab's one-time state), or that Keycloak's authorization code (with PKCE) is exchanged for,
// kept for the browser tab only (sessionStorage). The payload is decoded to shape the console; the services verify
// it. GET /auth/config says which login applies. From Keycloak the console also keeps the refresh token, to renew the
// access token before it expires, and the ID token, to sign out there too (RP-initiated logout): the session ends,
// and its refresh tokens with it.

// The development login page of the gateway keeps the token under this key too (same origin, same tab).
const KEY = 'innovation-china.token';
// The PKCE verifier and state of a sign-in on its way through the identity provider.
const PENDING = 'innovation-china.sign-in';
// The one-time state of a sign-in on its way through the development login: a token in the fragment is taken only
// beside it, so a link carrying someone else's token (#access_token=...) signs nobody in.
const DEV_STATE = 'innovation-china.dev-sign-in';
// The identity provider's refresh token and ID token, for this tab only too.
const REFRESH = 'innovation-china.refresh';
const ID_TOKEN = 'innovation-china.id-token';
// How long before its expiry an access token is renewed.
const RENEW_BEFORE_MS = 30000;

/** Where to sign in: <meta name="login-url"> of the page, with the way back to the console (and the state). */
export function loginUrl(state) {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="login-url"]');
  const base = (meta && meta.content) || '/dev/login';
  const back = `redirect=${encodeURIComponent(window.location.pathname || '/')}`;
  return `${base}${base.includes('?') ? '&' : '?'}${back}${state ? `&state=${encodeURIComponent(state)}` : ''}`;
}

let token = null;
let claims = null;

function decodePayload(jwt) {
  const part = jwt.split('.')[1];
  if (!part) return null;
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function accept(jwt) {
  try {
    const payload = decodePayload(jwt);
    if (!payload || !payload.role) return false;
    if (payload.exp && payload.exp * 1000 <= Date.now()) return false;
    token = jwt;
    claims = payload;
    return true;
  } catch (e) {
    return false;
  }
}

let config = null;
let renewal = null;

async function loginConfig() {
  if (!config) {
    try {
      const answer = await fetch('/auth/config', { headers: { Accept: 'application/json' } });
      config = answer.ok ? await answer.json() : { kind: 'dev' };
    } catch (e) {
      config = { kind: 'dev' };
    }
  }
  return config;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return window.location.origin + window.location.pathname;
}

/** Goes to the login that applies: the development page, or the OpenID Connect provider (code flow with PKCE). */
export async function signIn() {
  const login = await loginConfig();
  if (login.kind !== 'oidc' || !login.issuer) {
    const state = randomText();
    sessionStorage.setItem(DEV_STATE, state);
    window.location.assign(loginUrl(state));
    return;
  }
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    client_id: login.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(), state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  window.location.assign(`${login.issuer}/protocol/openid-connect/auth?${query}`);
}

/** Back from the provider with ?code=&state=: exchanges the code for the token, once, with the verifier. */
async function completeSignIn() {
  const query = new URLSearchParams(window.location.search);
  const code = query.get('code');
  if (!code) return;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', window.location.pathname + '#/');
  if (!pending || pending.state !== query.get('state')) return;
  const login = await loginConfig();
  const answer = await fetch(`${login.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: login.clientId, code, redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (answer.ok) keep(await answer.json());
}

/** Takes the provider's answer: the access token to use, the refresh token to renew it with. */
function keep(tokens) {
  if (!tokens.access_token || !accept(tokens.access_token)) return false;
  sessionStorage.setItem(KEY, tokens.access_token);
  if (tokens.refresh_token) sessionStorage.setItem(REFRESH, tokens.refresh_token);
  if (tokens.id_token) sessionStorage.setItem(ID_TOKEN, tokens.id_token);
  scheduleRenewal();
  return true;
}

function scheduleRenewal() {
  clearTimeout(renewal);
  if (!claims || !claims.exp || !sessionStorage.getItem(REFRESH)) return;
  renewal = setTimeout(renew, Math.max(0, claims.exp * 1000 - Date.now() - RENEW_BEFORE_MS));
}

/**
 * A fresh access token for the refresh token, before the old one expires. When the provider refuses (the session
 * ended, or was revoked), the console keeps the old token: the first call it makes after that is refused and signs in
 * again.
 */
async function renew() {
  const refreshToken = sessionStorage.getItem(REFRESH);
  const login = await loginConfig();
  if (!refreshToken || login.kind !== 'oidc') return;
  try {
    const answer = await fetch(`${login.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: login.clientId, refresh_token: refreshToken }),
    });
    if (answer.ok) keep(await answer.json());
  } catch (e) {
    // The provider is unreachable: the same as a refusal.
  }
}

/**
 * Takes a token from #access_token=...&state=... when the state is the one this tab sent to the development login
 * (and always removes the fragment from the address bar), or from the provider's code, else the one of this tab.
 */
export async function init() {
  await completeSignIn();
  const hash = window.location.hash;
  if (/^#\/?(access_)?token=/.test(hash)) {
    const params = new URLSearchParams(hash.replace(/^#\/?/, ''));
    const fresh = params.get('token') || params.get('access_token');
    const expected = sessionStorage.getItem(DEV_STATE);
    sessionStorage.removeItem(DEV_STATE);
    if (fresh && expected && params.get('state') === expected && accept(fresh)) {
      sessionStorage.setItem(KEY, fresh);
    }
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  }
  if (!token) {
    const stored = sessionStorage.getItem(KEY);
    if (stored && !accept(stored)) sessionStorage.removeItem(KEY);
  }
  scheduleRenewal();
}

export function currentToken() {
  return token;
}

/** { subject, role, organisationId, providerId, cityCode, name } or null when nobody is signed in. */
export function user() {
  if (!claims) return null;
  return {
    subject: claims.sub,
    role: claims.role,
    organisationId: claims.organisationId || null,
    providerId: claims.providerId || null,
    cityCode: claims.cityCode || null,
    name: claims.name || claims.preferred_username || claims.sub,
    expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
  };
}

/** Forgets this tab's tokens. */
function forget() {
  clearTimeout(renewal);
  token = null;
  claims = null;
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(REFRESH);
  sessionStorage.removeItem(ID_TOKEN);
}

/**
 * Signs out: forgets the tokens and, signed in through the provider, goes to its logout endpoint with the ID token,
 * which ends the session there and comes back to the console (a return address the realm lists).
 */
export async function logout() {
  const idToken = sessionStorage.getItem(ID_TOKEN);
  forget();
  const login = await loginConfig();
  if (!idToken || login.kind !== 'oidc' || !login.issuer) return;
  const query = new URLSearchParams({
    client_id: login.clientId, id_token_hint: idToken, post_logout_redirect_uri: redirectUri(),
  });
  window.location.assign(`${login.issuer}/protocol/openid-connect/logout?${query}`);
}

/**
 * The token was refused (401): forget it and sign in again (at the provider, a session still open signs in without
 * asking for the password).
 */
export function expired() {
  forget();
  signIn();
}
