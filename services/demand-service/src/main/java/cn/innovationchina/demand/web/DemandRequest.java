package cn.innovationchina.demand.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.demand.domain.ContactPerson;
import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What an enterprise writes into a demand. Server-owned properties (id, status, owner, version, revision,
 * timestamps, review outcome) are not part of it: sent anyway, they are ignored (ADR 0007).
 */
record DemandRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) @Nullable String background,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 1000) String> keyProblems,
        @Size(max = 5000) @Nullable String targetOutcomes,
        @NotEmpty @Size(max = 5) List<@NotBlank String> fieldCodes,
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 100) String> keywords,
        @NotEmpty List<@NotNull CooperationMode> cooperationModes,
        @Valid @Nullable Budget budget,
        @NotNull LocalDate deadline,
        @NotNull Visibility visibility,
        @Size(max = 100) @Nullable String industry,
        @NotBlank String cityCode,
        @NotNull @Valid Contact contact) {

    record Budget(@PositiveOrZero @Nullable Long minCny, @PositiveOrZero @Nullable Long maxCny) {
    }

    record Contact(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String phone,
            @Email @Size(max = 200) @Nullable String email) {
    }

    DemandContent content() {
        return new DemandContent(title.strip(), background == null ? "" : background, List.copyOf(keyProblems),
                targetOutcomes == null ? "" : targetOutcomes, List.copyOf(fieldCodes),
                keywords == null ? List.of() : List.copyOf(keywords), List.copyOf(cooperationModes),
                budget == null ? new BudgetRange(null, null) : new BudgetRange(budget.minCny(), budget.maxCny()),
                deadline, visibility, industry);
    }

    ContactPerson contactPerson() {
        return new ContactPerson(contact.name(), contact.phone(), contact.email());
    }
}
