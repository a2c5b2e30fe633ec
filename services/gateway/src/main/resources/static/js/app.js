// The console: one page, hash routing (#/demands/ID), the signed-in role decides the menu and the screens.
import * as auth from './auth.js';
import { t, lang, setLang } from './i18n.js';
import { h, clear, problemBlock, loading, toast } from './ui.js';
import { loadReference, cityName } from './reference.js';
import { live } from './live.js';
import { organisationView, demandListView, demandFormView, demandDetailView } from './views/enterprise.js';
import { profileView, invitationsView } from './views/expert.js';
import { inboxView, preferencesView } from './views/inbox.js';
import { dashboardView, reviewView, rankingView } from './views/city.js';
import { pilotCitiesView } from './views/pilotcities.js';

const ENTERPRISE = 'ENTERPRISE';
const EXPERT = 'EXPERT';
const CITY_ADMIN = 'CITY_ADMIN';
const PLATFORM_ADMIN = 'PLATFORM_ADMIN';
const ALL = [ENTERPRISE, EXPERT, CITY_ADMIN, PLATFORM_ADMIN];
const WITH_INBOX = [ENTERPRISE, EXPERT, CITY_ADMIN];

const MENUS = {
  [ENTERPRISE]: ['demands', 'demands/new', 'organisation', 'inbox', 'preferences'],
  [EXPERT]: ['invitations', 'profile', 'inbox', 'preferences'],
  [CITY_ADMIN]: ['dashboard', 'review', 'demands', 'inbox', 'preferences'],
  [PLATFORM_ADMIN]: ['ranking', 'dashboard', 'demands', 'pilot-cities'],
};

const NAV_KEYS = {
  demands: 'nav.demands', 'demands/new': 'nav.newDemand', organisation: 'nav.organisation', inbox: 'nav.inbox',
  preferences: 'nav.preferences', invitations: 'nav.invitations', profile: 'nav.profile', dashboard: 'nav.dashboard',
  review: 'nav.review', ranking: 'nav.ranking', 'pilot-cities': 'nav.pilotCities',
};

const ROUTES = [
  { path: /^demands$/, roles: [ENTERPRISE, CITY_ADMIN, PLATFORM_ADMIN], view: demandListView },
  { path: /^demands\/new$/, roles: [ENTERPRISE], view: demandFormView },
  { path: /^demands\/([^/]+)\/edit$/, keys: ['id'], roles: [ENTERPRISE], view: demandFormView },
  { path: /^demands\/([^/]+)$/, keys: ['id'], roles: ALL, view: demandDetailView },
  { path: /^organisation$/, roles: [ENTERPRISE], view: organisationView },
  { path: /^profile$/, roles: [EXPERT], view: profileView },
  { path: /^invitations$/, roles: [EXPERT], view: invitationsView },
  { path: /^inbox$/, roles: WITH_INBOX, view: inboxView },
  { path: /^preferences$/, roles: WITH_INBOX, view: preferencesView },
  { path: /^dashboard$/, roles: [CITY_ADMIN, PLATFORM_ADMIN], view: dashboardView },
  { path: /^review$/, roles: [CITY_ADMIN], view: reviewView },
  { path: /^ranking$/, roles: [PLATFORM_ADMIN], view: rankingView },
  { path: /^pilot-cities$/, roles: [PLATFORM_ADMIN], view: pilotCitiesView },
];

let dispose = null;
let navigation = 0;

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  return { path: decodeURI(path).replace(/\/$/, ''), params: Object.fromEntries(new URLSearchParams(search)) };
}

function whoLabel(user) {
  const parts = [t(`role.${user.role}`)];
  if (user.organisationId) parts.push(user.organisationId);
  if (user.providerId) parts.push(user.providerId);
  if (user.cityCode) parts.push(cityName(user.cityCode));
  return parts.join(' · ');
}

function renderShell() {
  const user = auth.user();
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  const header = document.getElementById('header');
  clear(header);
  const langSwitch = h('button', { type: 'button', class: 'lang', test: 'lang-switch', lang: lang() === 'zh' ? 'en' : 'zh',
    'aria-label': t('app.switchLanguage'),
    onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); renderShell(); route(); } }, lang() === 'zh' ? 'English' : '中文');
  const brand = h('a', { href: '#/', class: 'brand', test: 'home' }, t('app.title'));
  if (!user) {
    header.append(h('div', { class: 'bar' }, brand, h('div', { class: 'who' }, langSwitch)));
    return;
  }
  const nav = h('nav', { id: 'menu', class: 'menu', 'aria-label': t('app.menu') },
    h('ul', {}, MENUS[user.role].map(key => h('li', {},
      h('a', { href: `#/${key}`, test: `nav-${key.replace('/', '-')}`, 'data-route': key },
        t(NAV_KEYS[key]),
        key === 'inbox' ? h('span', { class: 'count', test: 'unread-count', hidden: !live.unread, 'aria-label': t('inbox.unread') },
          String(live.unread || 0)) : null)))));
  const toggle = h('button', { type: 'button', class: 'menu-toggle', test: 'menu-toggle', 'aria-controls': 'menu',
    'aria-expanded': 'false', onclick: () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    } }, '☰ ', t('app.menu'));
  header.append(h('div', { class: 'bar' }, brand, toggle,
    h('div', { class: 'who' }, h('span', { test: 'who' }, whoLabel(user)), langSwitch,
      h('button', { type: 'button', test: 'logout', onclick: () => { live.stop(); auth.logout(); renderShell(); route(); } }, t('app.logout')))),
  nav);
}

function showUnread(count) {
  const badge = document.querySelector('[data-test="unread-count"]');
  if (!badge) return;
  badge.textContent = String(count || 0);
  badge.hidden = !count;
}

function defaultRoute(role) {
  return MENUS[role][0];
}

async function route() {
  const current = ++navigation;
  if (dispose) {
    try { dispose(); } catch (e) { /* a screen that failed to clean up must not block the next one */ }
    dispose = null;
  }
  const main = document.getElementById('main');
  clear(main);
  const user = auth.user();
  if (!user) {
    main.append(h('section', { class: 'card welcome' },
      h('h1', {}, t('app.title')),
      h('p', {}, t('app.intro')),
      h('a', {
        href: auth.loginUrl(), class: 'button primary', test: 'login-link',
        onclick: event => { event.preventDefault(); auth.signIn(); },
      }, t('app.login'))));
    return;
  }
  const { path, params } = parseHash();
  const found = ROUTES.map(r => ({ r, m: r.path.exec(path) })).find(x => x.m && x.r.roles.includes(user.role));
  if (!found) {
    window.location.replace(`#/${defaultRoute(user.role)}`);
    return;
  }
  document.querySelectorAll('#menu a').forEach(a => {
    if (a.dataset.route === path) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const nav = document.getElementById('menu');
  if (nav) nav.classList.remove('open');
  (found.r.keys || []).forEach((key, i) => { params[key] = decodeURIComponent(found.m[i + 1]); });
  const screen = h('div', { class: 'screen', test: `screen-${path.split('/')[0] || 'home'}` });
  main.append(screen);
  try {
    const cleanup = await found.r.view(screen, { user, params });
    if (current !== navigation) {
      if (typeof cleanup === 'function') cleanup();
      return;
    }
    if (typeof cleanup === 'function') dispose = cleanup;
  } catch (e) {
    clear(screen).append(problemBlock(e));
  }
  const heading = screen.querySelector('h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

async function start() {
  await auth.init();
  renderShell();
  const main = document.getElementById('main');
  clear(main).append(loading());
  const user = auth.user();
  if (user) {
    try {
      await loadReference();
    } catch (e) {
      // Screens still work with codes instead of names; say why the names are missing.
      document.getElementById('notices').append(problemBlock(e));
    }
    renderShell();
    if (WITH_INBOX.includes(user.role)) {
      live.onUnread(showUnread);
      live.onEntry(entry => toast(`${t('inbox.new')}: ${entry.title}`));
      live.start();
      live.refreshUnread();
    }
  }
  window.addEventListener('hashchange', route);
  route();
}

window.addEventListener('unhandledrejection', event => {
  event.preventDefault();
  const notices = document.getElementById('notices');
  if (notices) notices.append(problemBlock(event.reason));
});

start();
