// The provider's screens: its profile with the completeness hints, its availability, and its invitations with
// the reason it was picked, to accept or decline.
import { api } from '../api.js';
import { t, enumLabel, enumOptions } from '../i18n.js';
import {
  h, clear, act, field, fieldset, input, textarea, select, checkboxes, problemBlock, loading, badge, splitList,
  toast, section, formatDate,
} from '../ui.js';
import {
  fieldPicker, cityOptions, regionOptions, cityName, divisionPicker, cityDivision, provinceOptions,
} from '../reference.js';
import { matchCard, COOPERATION_MODES } from './matches.js';
import { pager } from './enterprise.js';

const KINDS = ['EXPERT', 'INSTITUTE', 'UNIVERSITY_LAB', 'SOCIETY', 'SERVICE_ORG'];
const ACHIEVEMENT_KINDS = ['PATENT', 'PAPER', 'PROJECT', 'AWARD', 'STANDARD'];
const AVAILABILITIES = ['AVAILABLE', 'BUSY', 'ON_LEAVE'];
const LANGUAGES = [['zh', '中文'], ['en', 'English']];

export async function profileView(root, { user }) {
  root.append(loading());
  let details = null;
  let etag = null;
  try {
    const answer = await api('expert', `/providers/${encodeURIComponent(user.providerId)}`);
    details = answer.data;
    etag = answer.etag;
  } catch (e) {
    if (e.status !== 404) {
      clear(root).append(problemBlock(e));
      return;
    }
  }
  clear(root);
  const p = (details && details.profile) || {};
  const contact = (details && details.contact) || {};

  const completeness = h('div', { test: 'completeness' });
  function showCompleteness(score) {
    clear(completeness);
    if (!score) {
      completeness.append(h('p', { class: 'muted' }, t('profile.newIntro')));
      return;
    }
    completeness.append(
      h('p', {}, t('profile.completeness'), ': ', h('strong', { test: 'completeness-score' }, `${score.score}%`)),
      h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: score.score, 'aria-label': t('profile.completeness') }),
      score.missing.length
        ? h('ul', { class: 'hints', test: 'completeness-hints' }, score.missing.map(m =>
          h('li', { 'data-field': m.field }, h('strong', {}, t.has(`profile.field.${m.field}`) ? t(`profile.field.${m.field}`) : m.field), ': ',
            t.has(`profile.advice.${m.field}`) ? t(`profile.advice.${m.field}`) : m.advice)))
        : h('p', { class: 'ok' }, t('profile.complete')));
  }
  showCompleteness(details && details.completeness);

  const status = details ? h('p', {},
    badge(enumLabel('Verification', details.verification), details.verification === 'VERIFIED' ? 'ok' : 'warn', 'verification'), ' ',
    badge(enumLabel('ProviderStatus', details.status), details.status === 'ACTIVE' ? 'ok' : 'muted'), ' ',
    badge(enumLabel('Availability', p.availability), p.availability === 'AVAILABLE' ? 'ok' : 'warn', 'availability')) : null;

  const name = input({ maxlength: 200, value: p.name || '' });
  const kind = select(enumOptions('ProviderKind', KINDS), { value: p.kind || 'EXPERT' });
  const affiliation = input({ value: p.affiliation || '' });
  const affiliationCreditCode = input({ maxlength: 18, value: p.affiliationCreditCode || '' });
  const title = input({ value: p.title || '' });
  const picker = fieldPicker(p.fieldCodes || [], { max: 10 });
  const skills = input({ value: (p.skills || []).join(', ') });
  const keywords = input({ value: (p.keywords || []).join(', ') });
  const summary = textarea({ rows: 4, value: p.summary || '' });
  const services = checkboxes('services', enumOptions('CooperationMode', COOPERATION_MODES), p.services || [], { test: 'service' });
  const place = divisionPicker(p.divisionCode || cityDivision(p.cityCode || user.cityCode));
  const city = select(cityOptions(), { value: p.cityCode || user.cityCode || '', blank: t('profile.noPilotCity') });
  const zones = checkboxes('regionsServed', regionOptions(), p.regionsServed || [], { test: 'region' });
  const provinces = checkboxes('regionsServed', provinceOptions(), p.regionsServed || [], { test: 'region' });
  const languages = checkboxes('languages', LANGUAGES, p.languages || ['zh'], { test: 'language' });
  const capacity = input({ type: 'number', min: 1, max: 50, step: 1, value: p.capacity ?? 3 });
  const conflicts = input({ value: (p.conflictCreditCodes || []).join(', ') });
  const email = input({ type: 'email', value: contact.email || '', autocomplete: 'email' });
  const phone = input({ type: 'tel', value: contact.phone || '', autocomplete: 'tel' });
  const achievementList = h('div', { class: 'achievements', test: 'achievements' });
  const achievementRows = [];
  function addAchievement(a = {}) {
    const row = {
      kind: select(enumOptions('AchievementKind', ACHIEVEMENT_KINDS), { value: a.kind || 'PAPER', 'aria-label': t('profile.achievementKind') }),
      title: input({ value: a.title || '', placeholder: t('profile.achievementTitle'), 'aria-label': t('profile.achievementTitle') }),
      reference: input({ value: a.reference || '', placeholder: t('profile.achievementReference'), 'aria-label': t('profile.achievementReference') }),
      year: input({ type: 'number', min: 1900, max: 2100, value: a.year ?? '', placeholder: t('profile.achievementYear'), 'aria-label': t('profile.achievementYear') }),
    };
    const index = achievementRows.length;
    const element = h('div', { class: 'row achievement', test: `achievement-${index}` }, row.kind, row.title, row.reference, row.year,
      h('button', { type: 'button', 'aria-label': t('common.remove'), onclick: () => {
        achievementRows.splice(achievementRows.indexOf(row), 1);
        element.remove();
      } }, '×'));
    achievementRows.push(row);
    achievementList.append(element);
  }
  (p.achievements || []).forEach(addAchievement);

  const save = h('button', { type: 'submit', class: 'primary', test: 'save-profile' }, t('profile.save'));
  const form = h('form', { test: 'profile-form', novalidate: true },
    h('div', { class: 'row' }, field('name', t('profile.name'), name), field('kind', t('profile.kind'), kind)),
    h('div', { class: 'row' }, field('affiliation', t('profile.affiliation'), affiliation), field('title', t('profile.titleField'), title)),
    field('affiliationCreditCode', t('profile.affiliationCreditCode'), affiliationCreditCode),
    fieldset('fieldCodes', t('common.fields'), picker.element),
    field('skills', t('profile.skills'), skills, { hint: t('common.listHint') }),
    field('keywords', t('demand.keywords'), keywords, { hint: t('common.listHint') }),
    field('summary', t('profile.summary'), summary, { hint: t('profile.summaryHint') }),
    fieldset('achievements', t('profile.achievements'), [achievementList,
      h('button', { type: 'button', test: 'add-achievement', onclick: () => addAchievement() }, t('profile.addAchievement'))]),
    fieldset('services', t('profile.services'), services.element),
    h('div', { class: 'row' }, field('divisionProvince', t('profile.province'), place.province, { test: 'division-province' }),
      field('divisionCode', t('profile.division'), place.city, { test: 'division-city' })),
    h('div', { class: 'row' }, field('cityCode', t('profile.pilotCity'), city, { hint: t('profile.pilotCityHint') }),
      field('capacity', t('profile.capacity'), capacity, { hint: t('profile.capacityHint') })),
    fieldset('regionsServed', t('profile.regions'), [h('strong', {}, t('profile.zones')), zones.element,
      h('strong', {}, t('profile.provinces')), provinces.element], { hint: t('profile.regionsHint') }),
    fieldset('languages', t('profile.languages'), languages.element),
    field('conflictCreditCodes', t('profile.conflicts'), conflicts, { hint: t('profile.conflictsHint') }),
    fieldset('contact', t('profile.contact'), h('div', { class: 'row' },
      field('email', t('demand.contactEmail'), email), field('phone', t('demand.contactPhone'), phone)), { hint: t('profile.contactHint') }),
    h('div', { class: 'actions' }, save));
  const card = section(t('profile.title'), status, completeness, form);
  root.append(card);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = {
      name: name.value, kind: kind.value, affiliation: affiliation.value || null,
      affiliationCreditCode: affiliationCreditCode.value.trim().toUpperCase() || null, title: title.value || null,
      fieldCodes: picker.values(), skills: splitList(skills.value), keywords: splitList(keywords.value),
      summary: summary.value,
      achievements: achievementRows.filter(r => r.title.value.trim()).map(r => ({
        kind: r.kind.value, title: r.title.value, reference: r.reference.value || null,
        year: r.year.value === '' ? null : Number(r.year.value),
      })),
      services: services.values(), cityCode: city.value || null, divisionCode: place.value(),
      regionsServed: [...zones.values(), ...provinces.values()],
      languages: languages.values(), capacity: capacity.value === '' ? null : Number(capacity.value),
      conflictCreditCodes: splitList(conflicts.value), email: email.value || null, phone: phone.value || null,
    };
    const answer = await act(save, card, form, () => api('expert', `/providers/${encodeURIComponent(user.providerId)}`,
      { method: 'PUT', body, ifMatch: etag || undefined }));
    if (answer) {
      etag = answer.etag;
      details = answer.data;
      showCompleteness(details.completeness);
      toast(answer.status === 201 ? t('profile.registered') : t('profile.saved'), 'ok');
      clear(availabilityBox).append(availabilityForm());
    }
  });

  const availabilityBox = h('div', {});
  function availabilityForm() {
    if (!details) return h('p', { class: 'muted' }, t('profile.availabilityAfter'));
    const choice = select(enumOptions('Availability', AVAILABILITIES), { value: details.profile.availability });
    const until = input({ type: 'date', value: details.profile.availableFrom || '' });
    const submit = h('button', { type: 'submit', test: 'save-availability' }, t('profile.saveAvailability'));
    const availForm = h('form', { class: 'inline-form', novalidate: true, test: 'availability-form' },
      h('div', { class: 'row' }, field('availability', t('profile.availability'), choice),
        field('until', t('profile.until'), until)), h('div', { class: 'actions' }, submit));
    availForm.addEventListener('submit', async e => {
      e.preventDefault();
      const answer = await act(submit, availabilityBox, availForm, () => api('expert',
        `/providers/${encodeURIComponent(user.providerId)}/availability`,
        { method: 'PUT', body: { availability: choice.value, until: until.value || null }, ifMatch: etag || undefined }));
      if (answer) {
        etag = answer.etag;
        details = answer.data;
        toast(t('profile.saved'), 'ok');
      }
    });
    return availForm;
  }
  availabilityBox.append(availabilityForm());
  root.append(section(t('profile.availability'), availabilityBox));
}

/** The provider's invitations (and what followed them), each with why it was picked, a page at a time. */
export async function invitationsView(root, { params = {} } = {}) {
  const page = Number(params.page || 0);
  const again = () => { clear(root); invitationsView(root, { params }); };
  const body = h('div', { test: 'invitations' }, loading());
  const reload = h('button', { type: 'button', test: 'reload-invitations', onclick: again }, t('common.reload'));
  root.append(section(t('invitations.title'), h('p', { class: 'muted' }, t('invitations.intro')), reload, body));
  try {
    const { data } = await api('matching', '/invitations', { params: { page, size: 20 } });
    clear(body);
    if (!data.items.length) {
      body.append(h('p', { class: 'muted', test: 'empty' }, t('invitations.none')));
      return;
    }
    const order = { INVITED: 0, ACCEPTED: 1, DOCKING: 2, CONTRACTED: 3, CLOSED: 4, DECLINED: 5 };
    const sorted = [...data.items].sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9));
    // The demand as this provider may see it; one it may no longer read still shows its match.
    const ids = [...new Set(sorted.map(m => m.demandId))];
    const read = await Promise.all(ids.map(id => api('demand', `/demands/${encodeURIComponent(id)}`)
      .then(answer => answer.data).catch(() => null)));
    const demands = new Map(ids.map((id, i) => [id, read[i]]));
    sorted.forEach(match => {
      const demand = demands.get(match.demandId);
      const card = matchCard(match, {
        party: 'PROVIDER',
        state: { demandTitle: demand ? demand.title : match.demandId, demandCity: demand ? demand.cityCode : '' },
        onChanged: again,
      });
      if (demand) card.insertBefore(demandSummary(demand), card.querySelector('.explanation'));
      body.append(card);
    });
    body.append(pager(data, p => `#/invitations?page=${p}`));
  } catch (e) {
    clear(body).append(problemBlock(e));
  }
}

function demandSummary(d) {
  return h('details', { class: 'demand-summary', test: 'invitation-demand' },
    h('summary', {}, t('invitations.demand'), ': ', d.title, d.enterprise ? ` — ${d.enterprise.name}` : ''),
    d.background ? h('p', {}, d.background) : null,
    d.keyProblems ? h('ul', {}, d.keyProblems.map(p => h('li', {}, p))) : null,
    d.targetOutcomes ? h('p', {}, t('demand.targetOutcomes'), ': ', d.targetOutcomes) : null,
    h('p', { class: 'muted' }, cityName(d.cityCode), d.deadline ? ` · ${t('demand.deadline')} ${formatDate(d.deadline)}` : ''));
}
