// Administrators: the city dashboard (figures, funnel, trends, fields, attention list, live refresh, CSV), the
// review queue of submitted demands, and (platform administrators) the ranking of the pilot cities.
import { api, apiUrl, authHeaders, ApiError } from '../api.js';
import { t, enumLabel } from '../i18n.js';
import {
  h, clear, act, field, input, select, textarea, problemBlock, showProblem, loading, formatNumber, formatCny,
  formatPercent, formatDate, daysFromNow, isoDay, toast, section,
} from '../ui.js';
import { fieldName, cityName, cityOptions } from '../reference.js';
import { openStream } from '../sse.js';
import { lineChart, barChart, funnel } from '../charts.js';
import { pager } from './enterprise.js';

const GRANULARITIES = ['day', 'week', 'month'];

function rangeFrom(params, user) {
  return {
    city: params.city || user.cityCode || 'XIANNING',
    from: params.from || daysFromNow(-29),
    to: params.to || isoDay(new Date()),
    granularity: params.granularity || 'day',
  };
}

function hours(value) {
  return value === null || value === undefined ? '—' : `${formatNumber(value, 1)} ${t('dashboard.hours')}`;
}

export async function dashboardView(root, { user, params = {} }) {
  const range = rangeFrom(params, user);
  const city = user.role === 'PLATFORM_ADMIN'
    ? select(cityOptions(), { value: range.city, test: 'dashboard-city' }) : null;
  const from = input({ type: 'date', value: range.from });
  const to = input({ type: 'date', value: range.to });
  const granularity = select(GRANULARITIES.map(g => [g, t(`dashboard.granularity.${g}`)]), { value: range.granularity });
  const liveBox = h('input', { type: 'checkbox', test: 'live-refresh', checked: params.live !== 'off' });
  const liveState = h('span', { class: 'muted', test: 'dashboard-live-status' });
  const apply = h('button', { type: 'submit', class: 'primary', test: 'apply-range' }, t('dashboard.apply'));
  const csv = h('button', { type: 'button', test: 'csv-export' }, t('dashboard.csv'));
  const controls = h('form', { class: 'toolbar', test: 'range-form', novalidate: true },
    city ? field('city', t('common.city'), city) : null,
    field('from', t('dashboard.from'), from), field('to', t('dashboard.to'), to),
    field('granularity', t('dashboard.granularityLabel'), granularity),
    h('div', { class: 'actions' }, apply, csv, h('label', { class: 'check' }, liveBox, ' ', t('dashboard.live')), liveState));
  const body = h('div', { test: 'dashboard' }, loading());
  const card = section(t('dashboard.title', { city: cityName(range.city) }), controls);
  root.append(card, body);

  controls.addEventListener('submit', e => {
    e.preventDefault();
    const query = new URLSearchParams({
      city: city ? city.value : range.city, from: from.value, to: to.value, granularity: granularity.value,
      live: liveBox.checked ? 'on' : 'off',
    });
    window.location.hash = `#/dashboard?${query}`;
  });

  const query = { from: range.from, to: range.to, granularity: range.granularity };
  const path = `/cities/${encodeURIComponent(range.city)}/report`;
  csv.addEventListener('click', () => act(csv, card, controls, async () => {
    let response;
    try {
      response = await fetch(apiUrl('monitoring', `${path}.csv`, query), { headers: authHeaders({ Accept: 'text/csv, application/problem+json' }) });
    } catch (e) {
      throw new ApiError(0, { detail: e.message });
    }
    if (!response.ok) {
      let problem = { status: response.status };
      try { problem = { ...problem, ...(await response.json()) }; } catch (e) { /* the status says enough */ }
      throw new ApiError(response.status, problem);
    }
    const blob = await response.blob();
    const link = h('a', { href: URL.createObjectURL(blob), download: `${range.city}-${range.from}-${range.to}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }));

  try {
    const { data } = await api('monitoring', path, { params: query });
    render(body, data);
  } catch (e) {
    // A bad range names its parameter (from, to, granularity): the message goes next to that control.
    clear(body);
    showProblem(card, e, controls);
    return undefined;
  }
  let stream = null;
  if (liveBox.checked) {
    stream = openStream('monitoring', `${path}/live`, query, {
      onEvent: event => render(body, JSON.parse(event.data)),
      onState: state => { liveState.textContent = t(`live.${state}`); },
    });
  }
  liveBox.addEventListener('change', () => {
    if (liveBox.checked && !stream) {
      stream = openStream('monitoring', `${path}/live`, query, {
        onEvent: event => render(body, JSON.parse(event.data)),
        onState: state => { liveState.textContent = t(`live.${state}`); },
      });
    } else if (!liveBox.checked && stream) {
      stream.close();
      stream = null;
    }
  });
  return () => { if (stream) stream.close(); };
}

function render(body, report) {
  const f = report.total;
  clear(body);
  const tiles = [
    ['demandsSubmitted', formatNumber(f.demandsSubmitted)],
    ['demandsPublished', formatNumber(f.demandsPublished)],
    ['proposals', formatNumber(f.proposals)],
    ['invitations', formatNumber(f.invitations)],
    ['acceptanceRate', formatPercent(f.acceptanceRate)],
    ['dockings', formatNumber(f.dockings)],
    ['contractsSigned', formatNumber(f.contractsSigned)],
    ['contractValueTotalCny', formatCny(f.contractValueTotalCny)],
    ['medianContractValueCny', formatCny(f.medianContractValueCny)],
    ['medianHoursToFirstProposal', hours(f.medianHoursToFirstProposal)],
    ['medianHoursToFirstAcceptance', hours(f.medianHoursToFirstAcceptance)],
    ['crossRegionContracts', formatNumber(f.crossRegionContracts)],
  ];
  body.append(h('div', { class: 'tiles', test: 'kpi-tiles' }, tiles.map(([key, value]) =>
    h('div', { class: 'tile', test: `kpi-${key}` }, h('span', { class: 'tile-label' }, t(`kpi.${key}`)), h('strong', {}, value)))));

  const labels = report.periods.map(p => (p.start === p.end ? p.start.slice(5) : `${p.start.slice(5)}…${p.end.slice(5)}`));
  const series = key => report.periods.map(p => p.figures[key] || 0);
  body.append(h('div', { class: 'grid-2' },
    section(t('dashboard.funnel'), funnel({
      title: t('dashboard.funnel'), test: 'funnel', format: formatNumber,
      stages: [
        { label: t('kpi.demandsPublished'), value: f.demandsPublished },
        { label: t('kpi.proposals'), value: f.proposals },
        { label: t('kpi.invitations'), value: f.invitations },
        { label: t('kpi.acceptances'), value: f.acceptances },
        { label: t('kpi.dockings'), value: f.dockings },
        { label: t('kpi.contractsSigned'), value: f.contractsSigned },
      ],
    })),
    section(t('dashboard.trends'),
      lineChart({ title: t('dashboard.trendActivity'), labels, test: 'trend-activity', format: v => formatNumber(v),
        series: [
          { name: t('kpi.demandsPublished'), values: series('demandsPublished') },
          { name: t('kpi.invitations'), values: series('invitations') },
          { name: t('kpi.dockings'), values: series('dockings') },
          { name: t('kpi.contractsSigned'), values: series('contractsSigned') },
        ] }),
      lineChart({ title: t('dashboard.trendValue'), labels, test: 'trend-value', format: v => formatCny(v),
        series: [{ name: t('kpi.contractValueTotalCny'), values: series('contractValueTotalCny') }] }))));

  body.append(h('div', { class: 'grid-2' },
    section(t('dashboard.fields'),
      barChart({ title: t('dashboard.fieldsByDemands'), test: 'fields-by-demands', format: formatNumber,
        items: (f.topFieldsByDemands || []).map(x => ({ label: fieldName(x.fieldCode), value: x.value })) }),
      barChart({ title: t('dashboard.fieldsByValue'), test: 'fields-by-value', format: formatCny, color: '#2b8a3e',
        items: (f.topFieldsByContractValue || []).map(x => ({ label: fieldName(x.fieldCode), value: x.value })) })),
    section(t('dashboard.open'),
      barChart({ title: t('dashboard.openByAge'), test: 'open-by-age', format: formatNumber, color: '#e67700',
        items: Object.entries(f.openDemandsByAge || {}).map(([band, value]) => ({ label: t('dashboard.days', { band }), value })) }),
      h('dl', { class: 'facts' },
        h('dt', {}, t('kpi.providersRegistered')), h('dd', {}, formatNumber(f.providersRegistered)),
        h('dt', {}, t('kpi.providersVerified')), h('dd', {}, formatNumber(f.providersVerified)),
        h('dt', {}, t('dashboard.overloaded')), h('dd', { test: 'overloaded' }, report.providers.overloaded.join(', ') || '—'),
        h('dt', {}, t('dashboard.idle')), h('dd', { test: 'idle' }, report.providers.idle.join(', ') || '—'),
        h('dt', {}, t('kpi.notificationsFailed')), h('dd', {}, formatNumber(f.notificationsFailed))))));

  body.append(section(t('dashboard.attention'), report.attention.length
    ? h('div', { class: 'table-wrap' }, h('table', { test: 'attention-list' },
      h('thead', {}, h('tr', {}, [t('demands.titleCol'), t('dashboard.publishedOn'), t('dashboard.age'), t('dashboard.reasons'), '']
        .map(label => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, report.attention.map(item => h('tr', { test: `attention-${item.demandId}` },
        h('td', {}, item.title || item.demandId),
        h('td', {}, formatDate(item.publishedOn)),
        h('td', {}, t('dashboard.ageDays', { days: item.ageInDays })),
        h('td', {}, item.reasons.map(r => enumLabel('AttentionReason', r)).join('、')),
        h('td', {}, h('a', { href: `#/demands/${encodeURIComponent(item.demandId)}`, test: 'attention-open' }, t('dashboard.act'))))))))
    : h('p', { class: 'muted', test: 'attention-empty' }, t('dashboard.noAttention'))));
  body.append(h('p', { class: 'muted' }, t('dashboard.updated', { time: new Date().toLocaleTimeString() })));
}

/** Submitted demands of the administrator's city, to approve or reject with a reason. */
export async function reviewView(root, { params = {} }) {
  const page = Number(params.page || 0);
  const body = h('div', { test: 'review-queue' }, loading());
  root.append(section(t('review.title'), h('p', { class: 'muted' }, t('review.intro')), body));
  try {
    const { data } = await api('demand', '/demands', { params: { status: 'SUBMITTED', page, size: 20 } });
    clear(body);
    if (!data.items.length) {
      body.append(h('p', { class: 'muted', test: 'empty' }, t('review.none')));
      return;
    }
    for (const demand of data.items) body.append(reviewCard(demand, () => { clear(root); reviewView(root, { params }); }));
    body.append(pager(data, p => `#/review?page=${p}`));
  } catch (e) {
    clear(body).append(problemBlock(e));
  }
}

function reviewCard(demand, onChanged) {
  const forms = h('div', { class: 'step-forms' });
  const card = h('article', { class: 'card review', test: `review-${demand.id}` },
    h('h3', {}, h('a', { href: `#/demands/${encodeURIComponent(demand.id)}`, test: 'open-demand' }, demand.title)),
    h('p', { class: 'muted' }, demand.enterprise ? `${demand.enterprise.name} · ` : '', (demand.fieldCodes || []).map(fieldName).join('、'),
      demand.deadline ? ` · ${t('demand.deadline')} ${formatDate(demand.deadline)}` : ''),
    demand.background ? h('p', {}, demand.background) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', test: 'approve', onclick: e => decide(e.target, 'approve') }, t('review.approve')),
      h('button', { type: 'button', test: 'reject', onclick: () => {
        clear(forms);
        const reason = textarea({ rows: 2, maxlength: 2000 });
        const send = h('button', { type: 'submit', class: 'primary', test: 'reject-send' }, t('review.reject'));
        const form = h('form', { class: 'inline-form', novalidate: true, test: 'reject-form',
          onsubmit: e => { e.preventDefault(); decide(send, 'reject', { reason: reason.value }, form); } },
        field('reason', t('review.reason'), reason), h('div', { class: 'actions' }, send,
          h('button', { type: 'button', test: 'reject-cancel', onclick: () => clear(forms) }, t('common.cancel'))));
        forms.append(form);
        reason.focus();
      } }, t('review.reject'))),
    forms);

  async function decide(button, step, body, form) {
    const done = await act(button, card, form, async () => {
      // The list carries the version; read the demand again so a change since the list loaded is not overwritten.
      const current = await api('demand', `/demands/${encodeURIComponent(demand.id)}`);
      return api('demand', `/demands/${encodeURIComponent(demand.id)}/${step}`, { method: 'POST', body, ifMatch: current.etag });
    });
    if (done) {
      toast(t(step === 'approve' ? 'review.approved' : 'review.rejected'), 'ok');
      onChanged();
    }
  }
  return card;
}

/** Every pilot city ranked by contract value, then contracts, then dockings. */
export async function rankingView(root, { params = {} }) {
  const from = input({ type: 'date', value: params.from || daysFromNow(-89) });
  const to = input({ type: 'date', value: params.to || isoDay(new Date()) });
  const apply = h('button', { type: 'submit', class: 'primary', test: 'apply-range' }, t('dashboard.apply'));
  const form = h('form', { class: 'toolbar', novalidate: true, test: 'range-form' },
    field('from', t('dashboard.from'), from), field('to', t('dashboard.to'), to), h('div', { class: 'actions' }, apply));
  form.addEventListener('submit', e => {
    e.preventDefault();
    window.location.hash = `#/ranking?from=${from.value}&to=${to.value}`;
  });
  const body = h('div', {}, loading());
  const card = section(t('ranking.title'), form, body);
  root.append(card);
  try {
    const { data } = await api('monitoring', '/cities/ranking', { params: { from: from.value, to: to.value } });
    clear(body);
    const name = c => cityName(c.code);
    body.append(
      barChart({ title: t('ranking.byValue'), test: 'ranking-chart', format: formatCny,
        items: data.slice(0, 12).map(r => ({ label: name(r.city), value: r.figures.contractValueTotalCny })) }),
      h('div', { class: 'table-wrap' }, h('table', { test: 'ranking-table' },
        h('thead', {}, h('tr', {}, [t('ranking.rank'), t('common.city'), t('kpi.contractValueTotalCny'), t('kpi.contractsSigned'),
          t('kpi.dockings'), t('kpi.demandsPublished'), t('kpi.acceptanceRate'), ''].map(label => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, data.map(r => h('tr', { test: `ranking-${r.city.code}` },
          h('td', {}, r.rank), h('td', {}, name(r.city)), h('td', {}, formatCny(r.figures.contractValueTotalCny)),
          h('td', {}, formatNumber(r.figures.contractsSigned)), h('td', {}, formatNumber(r.figures.dockings)),
          h('td', {}, formatNumber(r.figures.demandsPublished)), h('td', {}, formatPercent(r.figures.acceptanceRate)),
          h('td', {}, h('a', { href: `#/dashboard?city=${r.city.code}&from=${from.value}&to=${to.value}&granularity=week` }, t('ranking.open')))))))));
  } catch (e) {
    clear(body);
    showProblem(body, e, form);
  }
}
