// The inbox (enterprises, providers, city administrators): newest first, live from the notification stream,
// with the unread count; and the notification preferences and email address.
import { api } from '../api.js';
import { t, enumLabel, enumOptions } from '../i18n.js';
import { h, clear, act, field, fieldset, input, select, checkboxes, problemBlock, loading, formatDateTime, toast, section } from '../ui.js';
import { live } from '../live.js';

const TYPES = ['DEMAND_PUBLISHED', 'DEMAND_REJECTED', 'DEMAND_EXPIRED', 'MATCHES_PROPOSED', 'NO_QUALIFIED_MATCH',
  'PROVIDER_INVITED', 'PROVIDER_SHORTLISTED', 'INVITATION_ACCEPTED', 'INVITATION_DECLINED', 'CONTRACT_RECORDED',
  'FEEDBACK_RECEIVED', 'PROVIDER_VERIFIED', 'DEMAND_AWAITS_REVIEW', 'DIGEST'];
const PAGE_SIZE = 20;

/** Where an entry leads in the console, by its type and the role reading it. */
function linkFor(entry, role) {
  if (role === 'EXPERT' && ['PROVIDER_INVITED', 'PROVIDER_SHORTLISTED', 'CONTRACT_RECORDED', 'FEEDBACK_RECEIVED'].includes(entry.type)) return '#/invitations';
  if (role === 'EXPERT' && entry.type === 'PROVIDER_VERIFIED') return '#/profile';
  if (role === 'CITY_ADMIN' && entry.type === 'DEMAND_AWAITS_REVIEW') return '#/review';
  if (role === 'CITY_ADMIN') return '#/dashboard';
  if (role === 'ENTERPRISE') return '#/demands';
  return null;
}

export async function inboxView(root, { user, params = {} }) {
  const page = Number(params.page || 0);
  const list = h('ol', { class: 'inbox', test: 'inbox-list', 'aria-live': 'polite' });
  const body = h('div', {}, loading());
  const readAll = h('button', { type: 'button', test: 'mark-all-read' }, t('inbox.readAll'));
  const status = h('span', { class: 'muted', test: 'live-status' });
  const card = section(t('inbox.title'), h('div', { class: 'toolbar' }, readAll,
    h('a', { href: '#/preferences', class: 'button', test: 'open-preferences' }, t('nav.preferences')), status), body);
  root.append(card);

  function entryItem(entry) {
    const markRead = entry.read ? null : h('button', { type: 'button', class: 'small', test: 'mark-read',
      onclick: async e => {
        const done = await act(e.target, card, null, () => api('notification', `/notifications/${encodeURIComponent(entry.id)}/read`, { method: 'POST' }));
        if (done) {
          entry.read = true;
          item.replaceWith(entryItem(entry));
          live.refreshUnread();
        }
      } }, t('inbox.markRead'));
    const link = linkFor(entry, user.role);
    const item = h('li', { class: `entry ${entry.read ? 'read' : 'unread'}`, test: `notification-${entry.id}`, 'data-type': entry.type },
      h('div', { class: 'entry-head' },
        h('strong', {}, entry.title),
        h('span', { class: 'muted' }, ` · ${enumLabel('NotificationType', entry.type)} · ${formatDateTime(entry.createdAt)}`)),
      h('p', { class: 'entry-body' }, entry.body),
      h('div', { class: 'actions' }, markRead, link ? h('a', { href: link, class: 'small' }, t('inbox.open')) : null));
    return item;
  }

  readAll.addEventListener('click', async () => {
    const done = await act(readAll, card, null, () => api('notification', '/notifications/read-all', { method: 'POST' }));
    if (done) {
      toast(t('inbox.markedAll', { count: done.data.marked }), 'ok');
      live.refreshUnread();
      clear(root);
      inboxView(root, { user, params });
    }
  });

  try {
    const { data } = await api('notification', '/notifications', { params: { page, size: PAGE_SIZE } });
    clear(body);
    list.append(...data.items.map(entryItem));
    body.append(data.items.length ? list : h('p', { class: 'muted', test: 'empty' }, t('inbox.none')));
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    body.append(h('nav', { class: 'pager' },
      page > 0 ? h('a', { href: `#/inbox?page=${page - 1}`, test: 'page-previous' }, '‹ ', t('common.previous')) : null,
      h('span', {}, t('common.pageOf', { page: page + 1, pages, total: data.total })),
      page + 1 < pages ? h('a', { href: `#/inbox?page=${page + 1}`, test: 'page-next' }, t('common.next'), ' ›') : null));
  } catch (e) {
    clear(body).append(problemBlock(e));
  }

  const showState = state => { status.textContent = t(`live.${state}`); };
  showState(live.state);
  const offEntry = live.onEntry(entry => {
    if (page !== 0) return;
    if (list.querySelector(`[data-test="notification-${CSS.escape(entry.id)}"]`)) return;
    const empty = body.querySelector('[data-test="empty"]');
    if (empty) empty.replaceWith(list);
    list.prepend(entryItem(entry));
  });
  const offState = live.onState(showState);
  return () => { offEntry(); offState(); };
}

export async function preferencesView(root) {
  root.append(loading());
  let prefs;
  try {
    prefs = (await api('notification', '/notifications/preferences')).data;
  } catch (e) {
    clear(root).append(problemBlock(e));
    return;
  }
  clear(root);
  const language = select([['ZH', '中文'], ['EN', 'English']], { value: prefs.language });
  const digest = select(enumOptions('Digest', ['IMMEDIATE', 'DAILY', 'WEEKLY']), { value: prefs.digest });
  const muted = checkboxes('emailMuted', enumOptions('NotificationType', TYPES.filter(type => type !== 'DIGEST')), prefs.emailMuted || [], { test: 'mute' });
  const save = h('button', { type: 'submit', class: 'primary', test: 'save-preferences' }, t('common.save'));
  const form = h('form', { test: 'preferences-form', novalidate: true },
    field('language', t('prefs.language'), language, { hint: t('prefs.languageHint') }),
    field('digest', t('prefs.digest'), digest),
    fieldset('emailMuted', t('prefs.muted'), muted.element, { hint: t('prefs.mutedHint') }),
    h('div', { class: 'actions' }, save));
  const card = section(t('prefs.title'), form);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const done = await act(save, card, form, () => api('notification', '/notifications/preferences', {
      method: 'PUT', body: { language: language.value, emailMuted: muted.values(), digest: digest.value },
    }));
    if (done) toast(t('prefs.saved'), 'ok');
  });

  const address = input({ type: 'email', autocomplete: 'email' });
  const saveEmail = h('button', { type: 'submit', test: 'save-email' }, t('prefs.saveEmail'));
  const emailForm = h('form', { test: 'email-form', novalidate: true },
    field('address', t('prefs.email'), address, { hint: t('prefs.emailHint') }), h('div', { class: 'actions' }, saveEmail));
  const emailCard = section(t('prefs.emailTitle'), emailForm);
  emailForm.addEventListener('submit', async e => {
    e.preventDefault();
    const done = await act(saveEmail, emailCard, emailForm, () => api('notification', '/notifications/email', {
      method: 'PUT', body: { address: address.value },
    }));
    if (done) toast(t('prefs.emailSaved'), 'ok');
  });
  root.append(card, emailCard);
}
