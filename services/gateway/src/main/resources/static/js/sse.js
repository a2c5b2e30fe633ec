// Server-Sent Events read with fetch, since EventSource cannot send the Authorization header. Reconnects with
// Last-Event-ID after a dropped connection, waiting longer after each failure; a 401 ends the session.
import { authHeaders, apiUrl } from './api.js';
import { currentToken, expired } from './auth.js';

/**
 * Opens a stream. onEvent({ type, data, id }) for each event; onState('open' | 'retrying' | 'closed', detail).
 * Returns { close() }.
 */
export function openStream(service, path, params, { onEvent, onState = () => {}, lastEventId = null }) {
  let stopped = false;
  let controller = null;
  let lastId = lastEventId;
  let failures = 0;
  let timer = null;

  async function connect() {
    if (stopped || !currentToken()) return;
    controller = new AbortController();
    const headers = authHeaders({ Accept: 'text/event-stream' });
    if (lastId) headers['Last-Event-ID'] = lastId;
    let wait = null;
    try {
      const response = await fetch(apiUrl(service, path, params), { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        stopped = true;
        onState('closed', 401);
        expired();
        return;
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        // Refused for good (bad parameters, another city, no inbox): asking again would get the same answer.
        stopped = true;
        onState('closed', response.status);
        return;
      }
      if (!response.ok || !response.body) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        wait = retryAfter > 0 ? retryAfter * 1000 : null;
        throw new Error(`HTTP ${response.status}`);
      }
      failures = 0;
      onState('open');
      await read(response.body.getReader());
      throw new Error('stream ended');
    } catch (e) {
      if (stopped) return;
      failures += 1;
      const delay = wait || Math.min(30000, 1000 * 2 ** Math.min(failures, 5));
      onState('retrying', e.message);
      timer = setTimeout(connect, delay);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { type: '', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        const width = buffer.startsWith('\r\n', newline) ? 2 : 1;
        // A lone \r at the end of a chunk may be half of \r\n: wait for the next chunk.
        if (width === 1 && buffer[newline] === '\r' && newline === buffer.length - 1) break;
        buffer = buffer.slice(newline + width);
        if (line === '') {
          if (event.data.length) {
            if (event.id !== null) lastId = event.id;
            dispatch({ type: event.type || 'message', data: event.data.join('\n'), id: event.id });
          }
          event = { type: '', data: [], id: null };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (name === 'event') event.type = value;
        else if (name === 'data') event.data.push(value);
        else if (name === 'id' && !value.includes('\0')) event.id = value;
      }
    }
  }

  function dispatch(event) {
    try {
      onEvent(event);
    } catch (e) {
      onState('retrying', e.message);
    }
  }

  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      if (controller) controller.abort();
      onState('closed');
    },
    get lastEventId() {
      return lastId;
    },
  };
}
