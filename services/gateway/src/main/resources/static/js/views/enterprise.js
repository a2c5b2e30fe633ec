// The enterprise's screens: its organisation, its demands (draft, submit, revise, close, withdraw) and, on a
// demand, the ranked and explained matches with every step up to contract and feedback.
import { api, etagOf } from '../api.js';
import { t, enumLabel, enumOptions } from '../i18n.js';
import {
  h, clear, act, field, fieldset, input, textarea, select, checkboxes, showProblem, problemBlock, loading, badge,
  formatDate, formatDateTime, formatCny, daysFromNow, splitList, toast, section,
} from '../ui.js';
import { fieldPicker, fieldName, cityName, cityOptions, reviewRequired } from '../reference.js';
import { matchCard, COOPERATION_MODES } from './matches.js';

const SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
const VISIBILITIES = ['PUBLIC', 'REGISTERED_ONLY', 'CONFIDENTIAL'];
const STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'CLOSED', 'WITHDRAWN', 'EXPIRED'];
const CLOSURES = ['FULFILLED_BY_CONTRACT', 'NO_LONGER_NEEDED'];
const STATUS_KIND = { DRAFT: 'muted', SUBMITTED: 'warn', PUBLISHED: 'ok', REJECTED: 'bad', CLOSED: '', WITHDRAWN: 'muted', EXPIRED: 'muted' };

export function statusBadge(status) {
  return badge(enumLabel('DemandStatus', status), STATUS_KIND[status], 'demand-status');
}

export async function organisationView(root, { user }) {
  root.append(loading());
  let enterprise = null;
  try {
    enterprise = (await api('demand', '/enterprises/me')).data;
  } catch (e) {
    if (e.status !== 404) {
      clear(root).append(problemBlock(e));
      return;
    }
  }
  clear(root);
  if (enterprise) {
    root.append(enterpriseCard(enterprise));
    return;
  }
  const name = input({ maxlength: 200, required: true, autocomplete: 'organization' });
  const creditCode = input({ maxlength: 18, required: true, placeholder: '91xxxxxxxxxxxxxxxx' });
  const city = select(cityOptions(), { value: user.cityCode || '', blank: t('common.choose') });
  const industry = input({ maxlength: 100, required: true });
  const size = select(enumOptions('EnterpriseSize', SIZES), { blank: t('common.choose') });
  const submit = h('button', { type: 'submit', class: 'primary', test: 'register-enterprise' }, t('org.register'));
  const form = h('form', { test: 'enterprise-form', novalidate: true },
    field('name', t('org.name'), name),
    field('creditCode', t('org.creditCode'), creditCode, { hint: t('org.creditCodeHint') }),
    field('cityCode', t('common.city'), city),
    field('industry', t('org.industry'), industry),
    field('size', t('org.size'), size),
    h('div', { class: 'actions' }, submit));
  const card = section(t('org.registerTitle'), h('p', { class: 'muted' }, t('org.registerIntro')), form);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const created = await act(submit, card, form, () => api('demand', '/enterprises', {
      method: 'POST',
      body: { name: name.value, creditCode: creditCode.value.trim().toUpperCase(), cityCode: city.value,
        industry: industry.value, size: size.value || null },
    }));
    if (created) {
      toast(t('org.registered'), 'ok');
      clear(root).append(enterpriseCard(created.data));
    }
  });
  root.append(card);
}

function enterpriseCard(enterprise) {
  return section(t('org.title'), h('dl', { class: 'facts', test: 'enterprise-details' },
    h('dt', {}, t('org.name')), h('dd', {}, enterprise.name),
    h('dt', {}, t('org.creditCode')), h('dd', {}, enterprise.creditCode),
    h('dt', {}, t('common.city')), h('dd', {}, cityName(enterprise.cityCode)),
    h('dt', {}, t('org.industry')), h('dd', {}, enterprise.industry),
    h('dt', {}, t('org.size')), h('dd', {}, enumLabel('EnterpriseSize', enterprise.size)),
    h('dt', {}, t('org.registeredAt')), h('dd', {}, formatDateTime(enterprise.registeredAt))),
  h('a', { href: '#/demands/new', class: 'button primary', test: 'new-demand' }, t('demands.new')));
}

/** The enterprise's demands, or (administrators) a city's demands in one status. */
export async function demandListView(root, { user, params = {} }) {
  const page = Number(params.page || 0);
  const status = params.status || '';
  const filter = select(enumOptions('DemandStatus', STATUSES), { value: status, blank: t('demands.allStatuses'), test: 'status-filter' });
  filter.addEventListener('change', () => { window.location.hash = `#/demands?status=${filter.value}`; });
  const body = h('div', {}, loading());
  root.append(section(t('demands.title'),
    h('div', { class: 'toolbar' },
      h('label', {}, t('common.status'), ' ', filter),
      user.role === 'ENTERPRISE' ? h('a', { href: '#/demands/new', class: 'button primary', test: 'new-demand' }, t('demands.new')) : null),
    body));
  try {
    const { data } = await api('demand', '/demands', { params: { status, page, size: 20 } });
    clear(body).append(demandTable(data.items));
    body.append(pager(data, p => `#/demands?status=${status}&page=${p}`));
  } catch (e) {
    clear(body).append(problemBlock(e));
  }
}

export function demandTable(items) {
  if (!items.length) return h('p', { class: 'muted', test: 'empty' }, t('demands.none'));
  return h('div', { class: 'table-wrap' }, h('table', { test: 'demand-table' },
    h('thead', {}, h('tr', {}, [t('demands.titleCol'), t('common.status'), t('common.fields'), t('common.city'), t('demands.deadline')]
      .map(label => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, items.map(d => h('tr', { test: `demand-row-${d.id}`, 'data-status': d.status },
      h('td', {}, h('a', { href: `#/demands/${encodeURIComponent(d.id)}`, test: 'open-demand' }, d.title)),
      h('td', {}, statusBadge(d.status)),
      h('td', {}, (d.fieldCodes || []).map(fieldName).join('、')),
      h('td', {}, cityName(d.cityCode)),
      h('td', {}, formatDate(d.deadline)))))));
}

export function pager(data, hrefOf) {
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  return h('nav', { class: 'pager', 'aria-label': t('common.pages') },
    data.page > 0 ? h('a', { href: hrefOf(data.page - 1), test: 'page-previous' }, '‹ ', t('common.previous')) : null,
    h('span', {}, t('common.pageOf', { page: data.page + 1, pages, total: data.total })),
    data.page + 1 < pages ? h('a', { href: hrefOf(data.page + 1), test: 'page-next' }, t('common.next'), ' ›') : null);
}

/** Reads one demand with its version for If-Match, showing progress in root, and the problem there if it fails. */
async function loadDemand(root, id) {
  root.append(loading());
  try {
    const answer = await api('demand', `/demands/${encodeURIComponent(id)}`);
    clear(root);
    return { demand: answer.data, etag: answer.etag || etagOf(answer.data.version) };
  } catch (e) {
    clear(root).append(problemBlock(e));
    return null;
  }
}

/** Drafting a new demand, editing a draft or revising a published one. */
export async function demandFormView(root, { user, params = {} }) {
  let demand = null;
  let etag = null;
  if (params.id) {
    const loaded = await loadDemand(root, params.id);
    if (!loaded) return;
    ({ demand, etag } = loaded);
  }
  const d = demand || {};
  const title = input({ maxlength: 200, value: d.title || '' });
  const background = textarea({ rows: 4, maxlength: 5000, value: d.background || '' });
  const keyProblems = textarea({ rows: 3, value: (d.keyProblems || []).join('\n') });
  const targetOutcomes = textarea({ rows: 3, maxlength: 5000, value: d.targetOutcomes || '' });
  const picker = fieldPicker(d.fieldCodes || []);
  const keywords = input({ value: (d.keywords || []).join(', ') });
  const modes = checkboxes('cooperationModes', enumOptions('CooperationMode', COOPERATION_MODES), d.cooperationModes || [], { test: 'mode' });
  const budget = d.budget || {};
  const minCny = input({ type: 'number', min: 0, step: 1000, inputmode: 'numeric', value: budget.minCny ?? '' });
  const maxCny = input({ type: 'number', min: 0, step: 1000, inputmode: 'numeric', value: budget.maxCny ?? '' });
  const deadline = input({ type: 'date', value: d.deadline || daysFromNow(180) });
  const visibility = select(enumOptions('Visibility', VISIBILITIES), { value: d.visibility || 'PUBLIC' });
  const industry = input({ maxlength: 100, value: d.industry || '' });
  const city = select(cityOptions(), { value: d.cityCode || user.cityCode || '', blank: t('common.choose'), disabled: Boolean(demand) });
  const contact = d.contact || {};
  const contactName = input({ maxlength: 100, value: contact.name || '', autocomplete: 'name' });
  const contactPhone = input({ type: 'tel', maxlength: 40, value: contact.phone || '', autocomplete: 'tel' });
  const contactEmail = input({ type: 'email', maxlength: 200, value: contact.email || '', autocomplete: 'email' });

  const published = d.status === 'PUBLISHED';
  const save = h('button', { type: 'submit', class: published ? 'primary' : '', test: 'save-draft' },
    published ? t('demand.saveRevision') : t('demand.saveDraft'));
  const saveAndSubmit = published ? null
    : h('button', { type: 'button', class: 'primary', test: 'submit-demand' }, t('demand.saveAndSubmit'));
  const form = h('form', { test: 'demand-form', novalidate: true },
    field('title', t('demand.title'), title),
    field('background', t('demand.background'), background),
    field('keyProblems', t('demand.keyProblems'), keyProblems, { hint: t('demand.keyProblemsHint') }),
    field('targetOutcomes', t('demand.targetOutcomes'), targetOutcomes),
    fieldset('fieldCodes', t('common.fields'), picker.element, { hint: t('demand.fieldsHint') }),
    field('keywords', t('demand.keywords'), keywords, { hint: t('common.listHint') }),
    fieldset('cooperationModes', t('demand.modes'), modes.element),
    h('div', { class: 'row' },
      field('budget.minCny', t('demand.budgetMin'), minCny),
      field('budget.maxCny', t('demand.budgetMax'), maxCny)),
    h('p', { class: 'field-error', 'data-error-for': 'budget', id: 'budget-error', test: 'error-budget' }),
    h('div', { class: 'row' },
      field('deadline', t('demand.deadline'), deadline),
      field('visibility', t('demand.visibility'), visibility, { hint: t('demand.visibilityHint') })),
    h('div', { class: 'row' },
      field('cityCode', t('common.city'), city),
      field('industry', t('demand.industry'), industry)),
    fieldset('contact', t('demand.contact'), h('div', { class: 'row' },
      field('contact.name', t('demand.contactName'), contactName),
      field('contact.phone', t('demand.contactPhone'), contactPhone),
      field('contact.email', t('demand.contactEmail'), contactEmail)), { hint: t('demand.contactHint') }),
    h('p', { class: 'field-error', 'data-error-for': 'If-Match', id: 'if-match-error' }),
    h('div', { class: 'actions' }, save, saveAndSubmit,
      h('a', { href: demand ? `#/demands/${encodeURIComponent(demand.id)}` : '#/demands', class: 'button', test: 'cancel' }, t('common.cancel'))));
  const card = section(demand ? (published ? t('demand.reviseTitle') : t('demand.editTitle')) : t('demand.newTitle'),
    !demand && reviewRequired(city.value) ? h('p', { class: 'muted' }, t('demand.reviewNote')) : null, form);
  root.append(card);

  function body() {
    const number = el => (el.value === '' ? null : Number(el.value));
    const min = number(minCny);
    const max = number(maxCny);
    return {
      title: title.value,
      background: background.value,
      keyProblems: splitList(keyProblems.value, true),
      targetOutcomes: targetOutcomes.value,
      fieldCodes: picker.values(),
      keywords: splitList(keywords.value),
      cooperationModes: modes.values(),
      budget: min === null && max === null ? null : { minCny: min, maxCny: max },
      deadline: deadline.value || null,
      visibility: visibility.value,
      industry: industry.value || null,
      cityCode: city.value,
      contact: { name: contactName.value, phone: contactPhone.value, email: contactEmail.value || null },
    };
  }

  async function persist(button, thenSubmit) {
    const saved = await act(button, card, form, async () => {
      const answer = demand
        ? await api('demand', `/demands/${encodeURIComponent(demand.id)}`, { method: 'PUT', body: body(), ifMatch: etag })
        : await api('demand', '/demands', { method: 'POST', body: body() }).catch(e => {
          // Drafting before the organisation is registered is a 409: point to where it is registered.
          if (e.status === 409) e.link = { href: '#/organisation', text: t('demand.registerFirst'), test: 'register-first' };
          throw e;
        });
      demand = answer.data;
      etag = answer.etag || etagOf(demand.version);
      if (thenSubmit) {
        const submitted = await api('demand', `/demands/${encodeURIComponent(demand.id)}/submit`, { method: 'POST', ifMatch: etag });
        demand = submitted.data;
      }
      return demand;
    });
    if (saved) {
      toast(thenSubmit ? t('demand.submitted') : t('demand.saved'), 'ok');
      window.location.hash = `#/demands/${encodeURIComponent(saved.id)}`;
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); persist(save, false); });
  if (saveAndSubmit) saveAndSubmit.addEventListener('click', () => persist(saveAndSubmit, true));
}

/** One demand: its content, the steps its status allows this viewer, and its matches. */
export async function demandDetailView(root, { user, params }) {
  const loaded = await loadDemand(root, params.id);
  if (!loaded) return;
  const { demand } = loaded;
  let { etag } = loaded;
  const reload = () => { clear(root); demandDetailView(root, { user, params }); };
  const actions = h('div', { class: 'actions' });
  const forms = h('div', { class: 'step-forms' });
  const card = section(demand.title,
    h('p', {}, statusBadge(demand.status), ' ', cityName(demand.cityCode),
      demand.revision ? ` · ${t('demand.revision')} ${demand.revision}` : ''),
    demand.rejectionReason ? h('p', { class: 'problem-inline', test: 'rejection-reason' }, t('demand.rejectedBecause'), ': ', demand.rejectionReason) : null,
    demandFacts(demand), actions, forms);
  root.append(card);

  async function change(button, path, body, form, done) {
    const answer = await act(button, card, form, () => api('demand', `/demands/${encodeURIComponent(demand.id)}/${path}`,
      { method: 'POST', body, ifMatch: etag }));
    if (answer) {
      toast(t(done), 'ok');
      reload();
    }
  }

  function inlineForm(test, label, controls, bodyOf, done, path) {
    return h('button', { type: 'button', test, onclick: () => {
      clear(forms);
      const submit = h('button', { type: 'submit', class: 'primary', test: `${test}-send` }, label);
      const form = h('form', { class: 'inline-form', novalidate: true, test: `${test}-form`,
        onsubmit: e => { e.preventDefault(); change(submit, path, bodyOf(), form, done); } },
      controls, h('div', { class: 'actions' }, submit,
        h('button', { type: 'button', test: `${test}-cancel`, onclick: () => clear(forms) }, t('common.cancel'))));
      forms.append(form);
      const first = form.querySelector('input, select, textarea');
      if (first) first.focus();
    } }, label);
  }

  const status = demand.status;
  if (user.role === 'ENTERPRISE') {
    if (status === 'DRAFT' || status === 'PUBLISHED') {
      actions.append(h('a', { class: 'button', href: `#/demands/${encodeURIComponent(demand.id)}/edit`, test: 'edit-demand' },
        status === 'DRAFT' ? t('demand.edit') : t('demand.revise')));
    }
    if (status === 'DRAFT') {
      actions.append(h('button', { type: 'button', class: 'primary', test: 'submit-demand',
        onclick: e => change(e.target, 'submit', undefined, null, 'demand.submitted') }, t('demand.submit')));
    }
    if (status === 'PUBLISHED') {
      const closure = select(enumOptions('ClosureReason', CLOSURES), { value: 'FULFILLED_BY_CONTRACT' });
      const note = textarea({ rows: 2, maxlength: 2000 });
      actions.append(inlineForm('close-demand', t('demand.close'),
        [field('closure', t('demand.closure'), closure), field('note', t('match.note'), note)],
        () => ({ closure: closure.value, note: note.value || null }), 'demand.closed', 'close'));
    }
    if (['DRAFT', 'SUBMITTED', 'PUBLISHED'].includes(status)) {
      const reason = textarea({ rows: 2, maxlength: 2000 });
      actions.append(inlineForm('withdraw-demand', t('demand.withdraw'),
        [field('reason', t('match.reason'), reason)],
        () => ({ reason: reason.value || null }), 'demand.withdrawn', 'withdraw'));
    }
  }
  if (user.role === 'CITY_ADMIN' && status === 'SUBMITTED') {
    actions.append(h('button', { type: 'button', class: 'primary', test: 'approve-demand',
      onclick: e => change(e.target, 'approve', undefined, null, 'review.approved') }, t('review.approve')));
    const reason = textarea({ rows: 2, maxlength: 2000 });
    actions.append(inlineForm('reject-demand', t('review.reject'), [field('reason', t('review.reason'), reason)],
      () => ({ reason: reason.value }), 'review.rejected', 'reject'));
  }

  if (!['DRAFT', 'SUBMITTED', 'REJECTED'].includes(status)) {
    const matches = h('div', {});
    root.append(matches);
    matchesSection(matches, demand, user);
  }
}

function demandFacts(d) {
  const budget = d.budget && (d.budget.minCny != null || d.budget.maxCny != null)
    ? `${formatCny(d.budget.minCny)} – ${formatCny(d.budget.maxCny)}` : '—';
  const rows = [
    [t('common.fields'), (d.fieldCodes || []).map(fieldName).join('、')],
    [t('demand.visibility'), enumLabel('Visibility', d.visibility)],
    d.enterprise ? [t('demand.enterprise'), d.enterprise.name] : null,
    d.background !== undefined ? [t('demand.background'), d.background || '—'] : null,
    d.keyProblems ? [t('demand.keyProblems'), h('ul', {}, d.keyProblems.map(p => h('li', {}, p)))] : null,
    d.targetOutcomes !== undefined ? [t('demand.targetOutcomes'), d.targetOutcomes || '—'] : null,
    d.keywords ? [t('demand.keywords'), d.keywords.join(', ') || '—'] : null,
    d.cooperationModes ? [t('demand.modes'), d.cooperationModes.map(m => enumLabel('CooperationMode', m)).join('、')] : null,
    d.budget !== undefined ? [t('demand.budget'), budget] : null,
    d.deadline ? [t('demand.deadline'), formatDate(d.deadline)] : null,
    d.industry ? [t('demand.industry'), d.industry] : null,
    d.contact ? [t('demand.contact'), [d.contact.name, d.contact.phone, d.contact.email].filter(Boolean).join(' · ')] : null,
    d.closure ? [t('demand.closure'), enumLabel('ClosureReason', d.closure) + (d.endNote ? ` — ${d.endNote}` : '')] : null,
    d.publishedAt ? [t('demand.publishedAt'), formatDateTime(d.publishedAt)] : null,
    d.updatedAt ? [t('demand.updatedAt'), formatDateTime(d.updatedAt)] : null,
  ].filter(Boolean);
  return h('dl', { class: 'facts', test: 'demand-details' }, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

async function matchesSection(root, demand, user) {
  const party = user.role === 'ENTERPRISE' ? 'ENTERPRISE' : 'ADMIN';
  const refresh = h('button', { type: 'button', test: 'reload-matches', onclick: () => { clear(root); matchesSection(root, demand, user); } }, t('common.reload'));
  const body = h('div', { class: 'matches', test: 'matches' }, loading());
  root.append(section(t('matches.title'), h('p', { class: 'muted' }, t('matches.intro')), refresh, body));
  try {
    const answer = await api('matching', `/demands/${encodeURIComponent(demand.id)}/matches`);
    const state = { etag: answer.etag };
    const list = answer.data.matches || [];
    clear(body);
    if (!list.length) {
      body.append(h('p', { class: 'muted', test: 'no-matches' }, t('matches.noneQualified')));
      return;
    }
    const accepted = list.filter(m => ['ACCEPTED', 'DOCKING', 'CONTRACTED', 'CLOSED'].includes(m.status));
    if (accepted.length) {
      body.append(h('p', { test: 'accepted-summary' }, t('matches.accepted', { names: accepted.map(m => m.providerName).join('、') })));
    }
    for (const match of [...list].sort((a, b) => a.rank - b.rank)) {
      body.append(matchCard({ ...match, demandId: demand.id }, {
        party, state, demandModes: demand.cooperationModes || [],
        onChanged: () => { clear(root); matchesSection(root, demand, user); },
      }));
    }
  } catch (e) {
    clear(body);
    if (e.status === 404) body.append(h('p', { class: 'muted', test: 'no-matches' }, t('matches.notYet')));
    else showProblem(body, e);
  }
}
