// Who is signed in: the platform token the login page hands over in the URL fragment (#token=...), kept for the
// browser tab only (sessionStorage). The payload is decoded to shape the console; the services verify it.

// The development login page of the gateway keeps the token under this key too (same origin, same tab).
const KEY = 'innovation-china.token';

/** Where to sign in: <meta name="login-url"> of the page, with the way back to the console. */
export function loginUrl() {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="login-url"]');
  const base = (meta && meta.content) || '/dev/login';
  return `${base}${base.includes('?') ? '&' : '?'}redirect=${encodeURIComponent(window.location.pathname || '/')}`;
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

/** Takes a token from #token=... (then removes it from the address bar), else the one of this tab. */
export function init() {
  const hash = window.location.hash;
  // #token=... from the development login page; #access_token=... as an OpenID provider's implicit answer.
  if (/^#\/?(access_)?token=/.test(hash)) {
    const params = new URLSearchParams(hash.replace(/^#\/?/, ''));
    const fresh = params.get('token') || params.get('access_token');
    const next = params.get('next');
    if (fresh && accept(fresh)) {
      sessionStorage.setItem(KEY, fresh);
    }
    history.replaceState(null, '', window.location.pathname + window.location.search + (next ? '#' + next : '#/'));
  }
  if (!token) {
    const stored = sessionStorage.getItem(KEY);
    if (stored && !accept(stored)) sessionStorage.removeItem(KEY);
  }
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

export function logout() {
  token = null;
  claims = null;
  sessionStorage.removeItem(KEY);
}

/** The token was refused (401): forget it and go back to the login page. */
export function expired() {
  logout();
  window.location.assign(loginUrl());
}
