// Small DOM helpers. Text from the server always goes in as text nodes, never as HTML.
import { t, lang } from './i18n.js';

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'multiple', 'required', 'open']);

/** h('button', { class: 'x', test: 'save', onclick }, 'Save') */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'test') el.dataset.test = value;
    // Through the CSS object model: a style attribute would be inline style, which the page's policy refuses.
    else if (name === 'style') el.style.cssText = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (PROPERTIES.has(name)) el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let counter = 0;
function idFor(name) {
  counter += 1;
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}-${counter}`;
}

/**
 * A labelled form control with the place for the server's message about it. `name` is the field as the server
 * names it in problem.errors[].field (e.g. "contact.name"); the control gets data-field and data-test from it.
 */
export function field(name, label, control, { hint, test } = {}) {
  const id = control.id || idFor(name);
  control.id = id;
  const errorId = `${id}-error`;
  if (!control.dataset.field) control.dataset.field = name;
  if (!control.dataset.test) control.dataset.test = test || `input-${name}`;
  if (!control.name && 'name' in control) control.name = name;
  control.setAttribute('aria-describedby', errorId);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('small', { class: 'hint' }, hint) : null,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': name, test: `error-${name}`, 'aria-live': 'polite' }));
}

/** A group of controls (checkboxes, a picker) labelled by a legend, with its message place. */
export function fieldset(name, legend, content, { hint } = {}) {
  const errorId = idFor(name) + '-error';
  return h('fieldset', { class: 'field', 'data-field': name, 'aria-describedby': errorId },
    h('legend', {}, legend),
    content,
    hint ? h('small', { class: 'hint' }, hint) : null,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': name, test: `error-${name}`, 'aria-live': 'polite' }));
}

export function input(attrs = {}) {
  return h('input', { type: 'text', ...attrs });
}

export function textarea(attrs = {}) {
  return h('textarea', { rows: 4, ...attrs });
}

/** options: [[value, label]]; `blank` adds an empty first choice. */
export function select(options, { value, blank, ...attrs } = {}) {
  const el = h('select', attrs,
    blank !== undefined ? h('option', { value: '' }, blank) : null,
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  return el;
}

/** Checkboxes for a set of values; returns { element, values() }. */
export function checkboxes(name, options, chosen = [], { test } = {}) {
  const boxes = options.map(([value, label]) => {
    const box = h('input', { type: 'checkbox', value, checked: chosen.includes(value), name, test: `${test || name}-${value}` });
    return { box, element: h('label', { class: 'check' }, box, ' ', label) };
  });
  return {
    element: h('div', { class: 'checks' }, boxes.map(b => b.element)),
    values: () => boxes.filter(b => b.box.checked).map(b => b.box.value),
  };
}

/** The server's problem on a form: each message next to its field, the rest at the top. */
export function showProblem(container, error, form) {
  clearProblem(container, form);
  const problem = error && error.problem ? error.problem : { detail: String(error && error.message || error) };
  const unplaced = [];
  const fieldErrors = error && error.fieldErrors ? error.fieldErrors : [];
  for (const { field: name, message } of fieldErrors) {
    const slot = form ? slotFor(form, name) : null;
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
      const control = form.querySelector(`[aria-describedby="${slot.id}"]`);
      if (control) control.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${name}: ${message}`);
    }
  }
  const box = container.querySelector(':scope > .problem') || h('div', { class: 'problem', role: 'alert', test: 'problem' });
  clear(box);
  box.append(h('strong', {}, titleOf(error)), problem.detail ? h('p', {}, problem.detail) : null);
  if (unplaced.length) box.append(h('ul', {}, unplaced.map(text => h('li', {}, text))));
  if (error && error.status === 412) box.append(h('p', {}, t('problem.stale')));
  if (problem.retryAfter) box.append(h('p', {}, t('problem.retryAfter', { seconds: problem.retryAfter })));
  if (error && error.link) box.append(h('p', {}, h('a', { href: error.link.href, test: error.link.test }, error.link.text)));
  if (problem.correlationId) box.append(h('small', {}, `${t('problem.correlation')}: ${problem.correlationId}`));
  container.prepend(box);
  const first = form && form.querySelector('[aria-invalid="true"]');
  if (first && typeof first.focus === 'function') first.focus();
}

function slotFor(form, name) {
  const candidates = [name, name.replace(/\[\d+\]/g, '')];
  let path = name.replace(/\[\d+\]/g, '');
  while (path.includes('.')) {
    path = path.slice(0, path.lastIndexOf('.'));
    candidates.push(path);
  }
  for (const candidate of candidates) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(candidate)}"]`);
    if (slot) return slot;
  }
  return null;
}

export function clearProblem(container, form) {
  const box = container.querySelector(':scope > .problem');
  if (box) box.remove();
  if (form) {
    form.querySelectorAll('.field-error').forEach(slot => { slot.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
  }
}

function titleOf(error) {
  const status = error && error.status;
  if (status === 0) return t('problem.network');
  if (status && t.has(`problem.${status}`)) return t(`problem.${status}`);
  return (error && error.problem && error.problem.title) || t('problem.generic');
}

/** A problem shown in place of a screen's content. */
export function problemBlock(error) {
  const box = h('div', {});
  showProblem(box, error);
  return box;
}

/** Runs an action from a button: disables it meanwhile, shows the server's problem in `container`. */
export async function act(button, container, form, action) {
  if (button) button.disabled = true;
  clearProblem(container, form);
  try {
    return await action();
  } catch (e) {
    showProblem(container, e, form);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export function toast(text, kind = 'info') {
  const area = document.getElementById('toasts');
  if (!area) return;
  const note = h('div', { class: `toast ${kind}`, role: 'status', test: 'toast' }, text);
  area.append(note);
  setTimeout(() => note.remove(), 6000);
}

export function loading() {
  return h('p', { class: 'loading', 'aria-busy': 'true' }, t('common.loading'));
}

function locale() {
  return lang() === 'zh' ? 'zh-CN' : 'en-GB';
}

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function formatCny(value) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(value) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatDateTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso) {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale(), { dateStyle: 'medium' });
}

/** yyyy-mm-dd of a local date. */
export function isoDay(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function daysFromNow(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

/** Comma-, semicolon- or newline-separated text to a list (，、； too, as typed with a Chinese keyboard). */
export function splitList(text, newlinesOnly = false) {
  const pattern = newlinesOnly ? /\r?\n/ : /[,;\n，、；]/;
  return String(text || '').split(pattern).map(s => s.trim()).filter(Boolean);
}

export function badge(text, kind, test) {
  return h('span', { class: `badge ${kind || ''}`, test }, text);
}

export function section(title, ...content) {
  return h('section', { class: 'card' }, h('h2', {}, title), content);
}
