package cn.innovationchina.expert.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;

/** A profile and contact as a client sent them (a request body or an import row), not yet checked. */
public record ProfileDraft(
        @Nullable String name,
        @Nullable ProviderKind kind,
        @Nullable String affiliation,
        @Nullable String affiliationCreditCode,
        @Nullable String title,
        @Nullable List<String> fieldCodes,
        @Nullable List<String> skills,
        @Nullable List<String> keywords,
        @Nullable String summary,
        @Nullable List<Achievement> achievements,
        @Nullable List<CooperationMode> services,
        @Nullable String cityCode,
        @Nullable String divisionCode,
        @Nullable List<String> regionsServed,
        @Nullable List<String> languages,
        @Nullable Integer capacity,
        @Nullable List<String> conflictCreditCodes,
        @Nullable String email,
        @Nullable String phone) {
}
