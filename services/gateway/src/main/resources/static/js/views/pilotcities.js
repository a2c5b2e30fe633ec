// The platform administrator's pilot-city list (ADR 0033): every city with its division, batch, review rule and
// administrators; a new city designated, one changed. The list is demand-service's; the whole console reads it.
import { api, etagOf } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, act, field, input, textarea, showProblem, loading, splitList, toast, section, badge } from '../ui.js';
import { reloadPilotCities, divisionPicker } from '../reference.js';

export async function pilotCitiesView(root) {
  const body = h('div', { test: 'pilot-cities' }, loading());
  root.append(section(t('cities.title'), h('p', { class: 'muted' }, t('cities.intro')), body));
  const reload = () => { clear(root); pilotCitiesView(root); };
  let cities;
  try {
    cities = await reloadPilotCities();
  } catch (e) {
    clear(body);
    showProblem(body, e);
    return;
  }
  const editing = h('div', {});
  const edit = city => {
    clear(editing).append(cityForm(city, reload));
    editing.querySelector('input:not([disabled])').focus();
  };
  clear(body).append(table(cities, edit), editing);
  root.append(cityForm(null, reload));
}

function table(cities, edit) {
  return h('div', { class: 'table-wrap' }, h('table', { test: 'pilot-city-table' },
    h('thead', {}, h('tr', {}, [t('cities.code'), t('common.city'), t('cities.province'), t('cities.division'),
      t('cities.batch'), t('cities.review'), t('cities.administrators'), ''].map(label => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, cities.map(city => h('tr', { test: `pilot-city-${city.code}` },
      h('td', {}, h('code', {}, city.code)),
      h('td', {}, `${city.nameZh} · ${city.nameEn}`),
      h('td', {}, city.provinceZh ? `${city.provinceZh} · ${city.provinceEn}` : '—'),
      h('td', {}, city.divisionCode),
      h('td', {}, city.batch),
      h('td', {}, city.reviewRequired ? badge(t('cities.reviewOn'), 'warn') : badge(t('cities.reviewOff'), 'ok')),
      h('td', { test: 'pilot-city-administrators' },
        (city.administrators || []).length ? city.administrators.join(', ') : h('span', { class: 'muted' }, t('cities.none'))),
      h('td', {}, h('button', { type: 'button', test: `change-${city.code}`, onclick: () => edit(city) }, t('cities.change'))))))));
}

/** A new city (city null) or the whole new terms of one, sent with its version as If-Match. */
function cityForm(city, done) {
  const c = city || { batch: 1, reviewRequired: true, administrators: [] };
  const code = input({ maxlength: 40, value: c.code || '', disabled: Boolean(city), autocapitalize: 'characters' });
  const nameZh = input({ maxlength: 100, value: c.nameZh || '' });
  const nameEn = input({ maxlength: 100, value: c.nameEn || '' });
  const place = divisionPicker(c.divisionCode || '');
  const batch = input({ type: 'number', min: 1, step: 1, value: c.batch });
  const review = h('input', { type: 'checkbox', checked: c.reviewRequired, test: 'input-reviewRequired' });
  const administrators = textarea({ rows: 3, value: (c.administrators || []).join('\n') });
  const save = h('button', { type: 'submit', class: 'primary', test: city ? 'save-pilot-city' : 'designate-pilot-city' },
    city ? t('common.save') : t('cities.designate'));
  const form = h('form', { test: city ? 'pilot-city-change-form' : 'pilot-city-form', novalidate: true },
    h('div', { class: 'row' },
      field('code', t('cities.code'), code, { hint: t('cities.codeHint') }),
      field('batch', t('cities.batch'), batch)),
    h('div', { class: 'row' }, field('nameZh', t('cities.nameZh'), nameZh), field('nameEn', t('cities.nameEn'), nameEn)),
    h('div', { class: 'row' }, field('divisionProvince', t('cities.province'), place.province, { test: 'division-province' }),
      field('divisionCode', t('cities.division'), place.city, { test: 'division-city', hint: t('cities.divisionHint') })),
    h('div', { class: 'field', 'data-field': 'reviewRequired' },
      h('label', { class: 'check' }, review, ' ', t('cities.reviewLabel')),
      h('p', { class: 'field-error', 'data-error-for': 'reviewRequired', test: 'error-reviewRequired' })),
    field('administrators', t('cities.administrators'), administrators, { hint: t('cities.administratorsHint') }),
    h('p', { class: 'field-error', 'data-error-for': 'If-Match' }),
    h('div', { class: 'actions' }, save));
  const card = section(city ? t('cities.changeTitle', { city: `${city.nameZh} · ${city.nameEn}` }) : t('cities.add'), form);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const terms = {
      code: city ? city.code : code.value.trim().toUpperCase(),
      nameZh: nameZh.value,
      nameEn: nameEn.value,
      divisionCode: place.value(),
      batch: batch.value === '' ? null : Number(batch.value),
      reviewRequired: review.checked,
      administrators: splitList(administrators.value, true),
    };
    const saved = await act(save, card, form, () => (city
      ? api('demand', `/pilot-cities/${encodeURIComponent(city.code)}`, { method: 'PUT', body: terms, ifMatch: etagOf(city.version) })
      : api('demand', '/pilot-cities', { method: 'POST', body: terms })));
    if (saved) {
      toast(t(city ? 'cities.changed' : 'cities.designated'), 'ok');
      done();
    }
  });
  return card;
}
