// The shared reference data (field taxonomy, pilot cities, divisions of China), public and cached for the tab's life.
import { api } from './api.js';
import { t, lang } from './i18n.js';
import { h, clear, select } from './ui.js';

let fields = null;
let cities = null;
let places = null;
const byCode = new Map();
const divisionsByCode = new Map();

export async function loadReference() {
  if (!fields || !cities || !places) {
    const [taxonomy, registry, geography] = await Promise.all([
      api('demand', '/reference/fields'),
      api('demand', '/reference/cities'),
      api('demand', '/reference/divisions'),
    ]);
    fields = taxonomy.data.areas || [];
    cities = registry.data;
    places = geography.data;
    byCode.clear();
    for (const area of fields) {
      byCode.set(area.code, area);
      for (const leaf of area.fields || []) byCode.set(leaf.code, leaf);
    }
    divisionsByCode.clear();
    for (const province of places.provinces || []) {
      for (const division of province.divisions || []) {
        divisionsByCode.set(division.code, { ...division, provinceCode: province.code });
      }
    }
  }
  return { fields, cities, places };
}

function named(item) {
  return lang() === 'zh' ? item.nameZh : item.nameEn;
}

export function fieldName(code) {
  const item = byCode.get(code);
  return item ? named(item) : code;
}

export function cityName(code) {
  const city = cities && cities.cities.find(c => c.code === code);
  return city ? named(city) : code;
}

/** A division of China by its GB/T 2260 code (430100: 长沙市 / Changsha). */
export function divisionName(code) {
  const division = divisionsByCode.get(code);
  return division ? named(division) : code;
}

/** Where a provider or a match is: its own division if known, else its pilot city. */
export function placeName(divisionCode, cityCode) {
  return divisionCode && divisionsByCode.has(divisionCode) ? divisionName(divisionCode) : cityName(cityCode);
}

/** The division a pilot city lies in. */
export function cityDivision(code) {
  const city = cities && cities.cities.find(c => c.code === code);
  return city ? city.divisionCode : '';
}

export function provinceOptions() {
  return (places ? places.provinces : []).map(p => [p.code, `${p.nameZh} · ${p.nameEn}`]);
}

/**
 * The division picker: a province, then a city of it, each named in Chinese and English. Returns the two selects
 * and value(), the chosen division's code or null.
 */
export function divisionPicker(chosen) {
  const current = divisionsByCode.get(chosen);
  const province = select(provinceOptions(), { value: current ? current.provinceCode : '', blank: t('common.choose') });
  const city = h('select', {});
  function fill(value) {
    clear(city);
    city.append(h('option', { value: '' }, t('common.choose')));
    const chosenProvince = (places ? places.provinces : []).find(p => p.code === province.value);
    for (const division of chosenProvince ? chosenProvince.divisions : []) {
      city.append(h('option', { value: division.code, selected: division.code === value },
        `${division.nameZh} · ${division.nameEn}`));
    }
  }
  province.addEventListener('change', () => fill(''));
  fill(chosen);
  return { province, city, value: () => city.value || null };
}

export function regionName(code) {
  const region = cities && cities.regions.find(r => r.code === code);
  return region ? named(region) : code;
}

export function cityOptions() {
  return (cities ? cities.cities : []).map(c => [c.code, `${named(c)} (${lang() === 'zh' ? c.provinceZh : c.provinceEn})`]);
}

export function regionOptions() {
  return (cities ? cities.regions : []).map(r => [r.code, named(r)]);
}

export function reviewRequired(code) {
  const city = cities && cities.cities.find(c => c.code === code);
  return Boolean(city && city.reviewRequired);
}

/**
 * The field picker: search by Chinese or English name, code or synonym; fields grouped by area, where the area
 * itself may be chosen too ("anything in advanced materials"), at most `max` chosen. Returns { element, values() }.
 */
export function fieldPicker(chosen = [], { max = 5, name = 'fieldCodes' } = {}) {
  const selected = new Set(chosen);
  const chips = h('div', { class: 'chips', test: 'field-chosen', 'aria-live': 'polite' });
  const search = h('input', {
    type: 'search', placeholder: t('picker.search'), test: 'field-search',
    'aria-label': t('picker.search'), autocomplete: 'off',
  });
  const list = h('div', { class: 'picker-list', role: 'group', 'aria-label': t('picker.fields') });
  const counter = h('small', { class: 'hint' });

  function matches(field, area, text) {
    if (!text) return true;
    const haystack = [field.code, field.nameZh, field.nameEn, area.nameZh, area.nameEn, ...(field.keywords || [])]
      .join(' ').toLowerCase();
    return text.split(/\s+/).every(word => haystack.includes(word));
  }

  function option(field) {
    return h('input', {
      type: 'checkbox', value: field.code, checked: selected.has(field.code), test: `field-option-${field.code}`,
      disabled: !selected.has(field.code) && selected.size >= max,
      onchange: e => {
        if (e.target.checked) selected.add(field.code); else selected.delete(field.code);
        render();
      },
    });
  }

  function render() {
    clear(chips);
    for (const code of selected) {
      chips.append(h('button', {
        type: 'button', class: 'chip', test: `field-chip-${code}`,
        'aria-label': t('picker.remove', { name: fieldName(code) }),
        onclick: () => { selected.delete(code); render(); },
      }, fieldName(code), ' ×'));
    }
    counter.textContent = t('picker.count', { count: selected.size, max });
    clear(list);
    const text = search.value.trim().toLowerCase();
    for (const area of fields || []) {
      const leaves = (area.fields || []).filter(leaf => matches(leaf, area, text));
      if (!leaves.length && !matches(area, area, text)) continue;
      list.append(h('div', { class: 'picker-area' },
        h('label', { class: 'check picker-area-name' }, option(area), ' ',
          h('strong', {}, `${area.nameZh} · ${area.nameEn}`), ' ', h('small', { class: 'hint' }, t('picker.wholeArea'))),
        leaves.map(leaf => h('label', { class: 'check' }, option(leaf), ' ', `${leaf.nameZh} · ${leaf.nameEn}`))));
    }
    if (!list.firstChild) list.append(h('p', { class: 'muted' }, t('picker.none')));
  }

  search.addEventListener('input', render);
  render();
  return {
    element: h('div', { class: 'picker', 'data-field': name }, chips, search, counter, list),
    values: () => [...selected],
  };
}
