// One match as a card: who, rank, score, why (the explanation), its state, and the steps the viewer may take.
// Used by the enterprise (its demand's list), the provider (its invitations) and administrators (read only).
import { api } from '../api.js';
import { t, enumLabel, enumOptions } from '../i18n.js';
import { h, clear, act, field, input, textarea, select, badge, formatNumber, isoDay, toast } from '../ui.js';
import { fieldName, cityName, placeName } from '../reference.js';

export const DISMISS_REASONS = ['NOT_RELEVANT', 'INSUFFICIENT_EXPERIENCE', 'TOO_FAR', 'ALREADY_IN_CONTACT', 'CONFLICT_OF_INTEREST', 'OTHER'];
export const DECLINE_REASONS = ['OUTSIDE_EXPERTISE', 'NO_CAPACITY', 'BUDGET', 'TIMELINE', 'CONFLICT_OF_INTEREST', 'UNCLEAR_DEMAND', 'LOCATION', 'OTHER'];
export const COOPERATION_MODES = ['TECHNOLOGY_TRANSFER', 'LICENSING', 'JOINT_RND', 'COMMISSIONED_DEVELOPMENT', 'TECHNICAL_CONSULTING', 'PILOT_SCALE_TESTING', 'INSPECTION_AND_TESTING', 'TALENT_TRAINING', 'INNOVATION_CONSORTIUM'];

export function explanation(match) {
  const why = match.explanation || {};
  return h('dl', { class: 'explanation', test: 'explanation' },
    h('dt', {}, t('match.terms')),
    h('dd', {}, (why.matchedTerms || []).length
      ? h('span', { class: 'chips' }, why.matchedTerms.map(term => h('span', { class: 'chip static' }, term)))
      : '—'),
    h('dt', {}, t('match.fields')),
    h('dd', {}, (why.matchedFieldCodes || []).map(fieldName).join('、') || '—'),
    h('dt', {}, t('match.location')),
    h('dd', {}, why.location ? enumLabel('LocationRelation', why.location) : '—'),
    h('dt', {}, t('match.capacity')),
    h('dd', {}, why.freeCapacity ?? '—'),
    why.summary ? [h('dt', {}, t('match.summary')), h('dd', {}, why.summary)] : null);
}

const STATUS_KIND = {
  PROPOSED: 'info', SHORTLISTED: 'info', INVITED: 'warn', ACCEPTED: 'ok', DOCKING: 'ok', CONTRACTED: 'ok',
  CLOSED: '', DISMISSED: 'muted', DECLINED: 'muted',
};

/**
 * party: 'ENTERPRISE', 'PROVIDER' or 'ADMIN'. state.etag holds the demand's match-list version for If-Match
 * (from the list's ETag, or the match's own version). onChanged() reloads the screen.
 */
export function matchCard(match, { party, state = {}, onChanged, demandModes = [] }) {
  const actions = h('div', { class: 'actions' });
  const forms = h('div', { class: 'step-forms' });
  const card = h('article', {
    class: 'match card', test: `match-${match.matchId}`, 'data-provider-id': match.providerId, 'data-status': match.status,
  },
  h('header', { class: 'match-head' },
    h('span', { class: 'rank', title: t('match.rank') }, `#${match.rank}`),
    h('h3', {}, party === 'PROVIDER' ? (state.demandTitle || match.demandId) : match.providerName),
    badge(enumLabel('MatchStatus', match.status), STATUS_KIND[match.status], 'match-status')),
  h('p', { class: 'muted' },
    party === 'PROVIDER'
      ? t('match.demandIn', { city: cityName(state.demandCity || '') || '—' })
      : `${enumLabel('ProviderKind', match.providerKind)} · ${placeName(match.providerDivisionCode, match.providerCityCode)}`,
    ' · ', t('match.score'), ': ', h('strong', { test: 'match-score' }, formatNumber(match.score, 3))),
  explanation(match),
  match.invitationMessage ? h('blockquote', { class: 'invitation-message', test: 'invitation-message' },
    match.invitationMessage) : null,
  actions, forms);
  if (!state.etag && match.version) state.etag = `"${match.version}"`;

  async function step(button, name, body) {
    const done = await act(button, card, card.querySelector('form'), async () => {
      const path = `/demands/${encodeURIComponent(match.demandId)}/matches/${encodeURIComponent(match.matchId)}/${name}`;
      const answer = await api('matching', path, { method: 'POST', body, ifMatch: state.etag || undefined });
      if (answer.etag) state.etag = answer.etag;
      return true;
    });
    if (done) {
      toast(t(`step.done.${name}`), 'ok');
      onChanged();
    }
  }

  function button(test, label, onclick, kind = '') {
    return h('button', { type: 'button', class: kind, test, onclick }, label);
  }

  /** A small inline form for a step that needs input; `build` returns [controls, () => body]. */
  function stepForm(test, label, name, build, submitLabel) {
    return button(test, label, () => {
      clear(forms);
      const [controls, bodyOf] = build();
      const submit = h('button', { type: 'submit', class: 'primary', test: `${test}-send` }, submitLabel || label);
      const form = h('form', { class: 'inline-form', test: `${test}-form`, novalidate: true,
        onsubmit: e => { e.preventDefault(); step(submit, name, bodyOf()); } },
      controls, h('div', { class: 'actions' }, submit,
        h('button', { type: 'button', test: `${test}-cancel`, onclick: () => clear(forms) }, t('common.cancel'))));
      forms.append(form);
      const first = form.querySelector('input, select, textarea');
      if (first) first.focus();
    });
  }

  const status = match.status;
  if (party === 'ENTERPRISE') {
    if (status === 'PROPOSED') actions.append(button('shortlist', t('match.shortlist'), e => step(e.target, 'shortlist')));
    if (status === 'PROPOSED' || status === 'SHORTLISTED') {
      actions.append(
        stepForm('invite', t('match.invite'), 'invite', () => {
          const message = textarea({ rows: 3, maxlength: 2000 });
          return [field('message', t('match.inviteMessage'), message), () => ({ message: message.value })];
        }, t('match.sendInvitation')),
        stepForm('dismiss', t('match.dismiss'), 'dismiss', () => {
          const reason = select(enumOptions('DismissReason', DISMISS_REASONS), { blank: t('common.choose'), test: 'dismiss-reason' });
          const note = input({ maxlength: 500 });
          return [[field('reason', t('match.reason'), reason), field('note', t('match.note'), note)],
            () => ({ reason: reason.value || null, note: note.value })];
        }));
    }
    if (status === 'ACCEPTED') actions.append(dockingForm());
    if (status === 'DOCKING') {
      actions.append(stepForm('contract', t('match.contract'), 'contract', () => {
        const contractId = input({ maxlength: 64 });
        const valueCny = input({ type: 'number', min: 1, step: 1, inputmode: 'numeric' });
        const mode = select(enumOptions('CooperationMode', COOPERATION_MODES), { value: demandModes[0] || 'JOINT_RND' });
        const signedOn = input({ type: 'date', value: isoDay(new Date()) });
        return [[field('contractId', t('match.contractId'), contractId), field('valueCny', t('match.valueCny'), valueCny),
          field('mode', t('match.mode'), mode), field('signedOn', t('match.signedOn'), signedOn)],
        () => ({ contractId: contractId.value, valueCny: valueCny.value === '' ? null : Number(valueCny.value),
          mode: mode.value, signedOn: signedOn.value || null })];
      }, t('match.recordContract')));
    }
  }
  if (party === 'PROVIDER') {
    if (status === 'INVITED') {
      actions.append(button('accept', t('match.accept'), e => step(e.target, 'accept'), 'primary'),
        stepForm('decline', t('match.decline'), 'decline', () => {
          const reason = select(enumOptions('DeclineReason', DECLINE_REASONS), { blank: t('common.choose'), test: 'decline-reason' });
          const note = input({ maxlength: 500 });
          return [[field('reason', t('match.reason'), reason), field('note', t('match.note'), note)],
            () => ({ reason: reason.value || null, note: note.value })];
        }));
    }
    if (status === 'ACCEPTED') actions.append(dockingForm());
  }
  if (party !== 'ADMIN') {
    if (status === 'ACCEPTED' || status === 'DOCKING') {
      actions.append(stepForm('terminate', t('match.terminate'), 'close', () =>
        [h('p', {}, t('match.terminateConfirm')), () => ({ outcome: 'TERMINATED' })], t('match.terminate')));
    }
    if (status === 'CONTRACTED') {
      actions.append(stepForm('complete', t('match.complete'), 'close', () =>
        [h('p', {}, t('match.completeConfirm')), () => ({ outcome: 'COMPLETED' })], t('match.complete')));
    }
    const gaveFeedback = party === 'ENTERPRISE' ? match.enterpriseGaveFeedback : match.providerGaveFeedback;
    if ((status === 'CONTRACTED' || status === 'CLOSED') && !gaveFeedback) {
      actions.append(stepForm('feedback', t('match.feedback'), 'feedback', () => {
        const rating = select([5, 4, 3, 2, 1].map(n => [String(n), '★'.repeat(n) + ` ${n}`]), { value: '5' });
        const comment = textarea({ rows: 2, maxlength: 2000 });
        return [[field('rating', t('match.rating'), rating), field('comment', t('match.comment'), comment)],
          () => ({ rating: Number(rating.value), comment: comment.value })];
      }, t('match.sendFeedback')));
    }
  }
  if (party === 'ENTERPRISE' && ['ACCEPTED', 'DOCKING', 'CONTRACTED', 'CLOSED'].includes(status)) {
    actions.append(button('provider-contact', t('match.contact'), e => showProvider(e.target)));
  }

  function dockingForm() {
    return stepForm('docking', t('match.docking'), 'docking', () => {
      const startedOn = input({ type: 'date', value: isoDay(new Date()) });
      return [field('startedOn', t('match.startedOn'), startedOn), () => ({ startedOn: startedOn.value || null })];
    }, t('match.recordDocking'));
  }

  async function showProvider(trigger) {
    await act(trigger, card, null, async () => {
      const { data } = await api('expert', `/providers/${encodeURIComponent(match.providerId)}`);
      clear(forms);
      const profile = data.profile || {};
      const contact = data.contact;
      forms.append(h('div', { class: 'provider-details', test: 'provider-details' },
        h('h4', {}, profile.name || match.providerName),
        h('p', {}, [profile.title, profile.affiliation].filter(Boolean).join(' · ')),
        profile.summary ? h('p', {}, profile.summary) : null,
        contact && (contact.email || contact.phone)
          ? h('p', { test: 'provider-contact-data' }, t('match.contactData'), ': ',
            [contact.email, contact.phone].filter(Boolean).join(' · '))
          : h('p', { class: 'muted', test: 'provider-contact-missing' }, t('match.contactMissing'))));
    });
  }

  return card;
}
