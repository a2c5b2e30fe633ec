// Every call to the platform goes through the gateway at /api/<service>/<the service's own path>, with the
// bearer token. Errors come back as RFC 9457 problems; they are thrown as ApiError for the screen to show.
import { currentToken, expired } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** [{ field, message }] of a validation problem, else empty. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function query(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

export function apiUrl(service, path, params) {
  return `/api/${service}${path}${query(params)}`;
}

export function authHeaders(extra = {}) {
  const headers = { ...extra };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  let problem = { status: response.status, title: response.statusText };
  try {
    if (type.includes('json')) {
      problem = { ...problem, ...(await response.json()) };
    } else {
      const text = await response.text();
      if (text) problem.detail = text.slice(0, 300);
    }
  } catch (e) {
    // An unreadable body still leaves the status to show.
  }
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter) problem.retryAfter = retryAfter;
  return problem;
}

/**
 * Calls one service. Options: method, body (sent as JSON), ifMatch (an ETag), params (query), raw (the Response).
 * Resolves to { data, etag, status, location }; rejects with ApiError (status 0 when the network failed).
 */
export async function api(service, path, options = {}) {
  const { method = 'GET', body, ifMatch, params, raw = false, accept = 'application/json' } = options;
  const headers = authHeaders({ Accept: `${accept}, application/problem+json` });
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response;
  try {
    response = await fetch(apiUrl(service, path, params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: e.message });
  }
  if (response.status === 401 && currentToken()) {
    expired();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  if (raw) return response;
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (response.status !== 204) {
    data = type.includes('json') ? await response.json() : await response.text();
  }
  return {
    data,
    status: response.status,
    etag: response.headers.get('ETag'),
    location: response.headers.get('Location'),
  };
}

/** The ETag a service sends for an aggregate of this version (libs/platform ETags). */
export function etagOf(version) {
  return version === undefined || version === null ? null : `"${version}"`;
}
