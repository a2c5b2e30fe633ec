// The signed-in party's notification stream, open for the whole session: it keeps the unread count in the
// header current and lets the inbox screen show new entries as they arrive.
import { api } from './api.js';
import { openStream } from './sse.js';

const entryListeners = new Set();
const stateListeners = new Set();
const unreadListeners = new Set();
let stream = null;

export const live = {
  state: 'closed',
  unread: null,

  start() {
    if (stream) return;
    stream = openStream('notification', '/notifications/stream', null, {
      onEvent: event => {
        if (event.type !== 'notification') return;
        const entry = JSON.parse(event.data);
        entryListeners.forEach(listener => listener(entry));
        live.refreshUnread();
      },
      onState: state => {
        live.state = state;
        stateListeners.forEach(listener => listener(state));
        if (state === 'open') live.refreshUnread();
      },
    });
  },

  stop() {
    if (stream) stream.close();
    stream = null;
  },

  async refreshUnread() {
    try {
      const { data } = await api('notification', '/notifications/unread-count');
      live.unread = data.unread;
      unreadListeners.forEach(listener => listener(data.unread));
    } catch (e) {
      // The header shows no count rather than a wrong one; the inbox screen shows the problem itself.
    }
  },

  onEntry(listener) { entryListeners.add(listener); return () => entryListeners.delete(listener); },
  onState(listener) { stateListeners.add(listener); return () => stateListeners.delete(listener); },
  onUnread(listener) { unreadListeners.add(listener); return () => unreadListeners.delete(listener); },
};
