package cn.innovationchina.expert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * How complete a profile is (0-100) and what to add: thin profiles are the first cause of bad matches, so the
 * expert is told exactly what is missing. Each check weighs what it adds to matching; checks that do not apply to
 * a kind (a person's title, an organisation's credit code) are left out of its score.
 */
public record Completeness(int score, List<Missing> missing) {

    /** A summary shorter than this says too little to match on. */
    public static final int SUBSTANTIAL_SUMMARY = 60;
    public static final int ENOUGH_TERMS = 3;

    public Completeness {
        missing = List.copyOf(missing);
    }

    public record Missing(String field, String advice) {
    }

    private record Check(String field, int weight, BiPredicate<Profile, Contact> applies,
            BiPredicate<Profile, Contact> satisfied, String advice) {
    }

    private static final BiPredicate<Profile, Contact> ALWAYS = (p, c) -> true;

    private static final List<Check> CHECKS = List.of(
            new Check("summary", 15, ALWAYS, (p, c) -> p.summary().strip().length() >= SUBSTANTIAL_SUMMARY,
                    "describe what you do and for whom in at least " + SUBSTANTIAL_SUMMARY + " characters"),
            new Check("fieldCodes", 15, ALWAYS, (p, c) -> !p.fieldCodes().isEmpty(),
                    "choose at least one technology field"),
            new Check("skills", 15, ALWAYS, (p, c) -> p.skills().size() + p.keywords().size() >= ENOUGH_TERMS,
                    "list at least " + ENOUGH_TERMS + " skills or keywords"),
            new Check("achievements", 15, ALWAYS, (p, c) -> !p.achievements().isEmpty(),
                    "add a patent, paper, project, award or standard"),
            new Check("services", 10, ALWAYS, (p, c) -> !p.services().isEmpty(),
                    "say which cooperation modes you offer"),
            new Check("affiliation", 10, ALWAYS, (p, c) -> present(p.affiliation()),
                    "name your university, institute or company"),
            new Check("title", 5, (p, c) -> !p.isOrganisation(), (p, c) -> present(p.title()),
                    "give your title or position"),
            new Check("affiliationCreditCode", 5, (p, c) -> p.isOrganisation(),
                    (p, c) -> present(p.affiliationCreditCode()), "give the organisation's Unified Social Credit Code"),
            new Check("regionsServed", 5, ALWAYS, (p, c) -> !p.regionsServed().isEmpty(),
                    "say which regions you serve"),
            new Check("languages", 5, ALWAYS, (p, c) -> !p.languages().isEmpty(),
                    "list the languages you work in"),
            new Check("contact", 5, ALWAYS, (p, c) -> !c.isEmpty(),
                    "give an email or phone number (private: shown to enterprises only after you accept)"));

    public static Completeness of(Profile profile, Contact contact) {
        int possible = 0;
        int earned = 0;
        List<Missing> missing = new ArrayList<>();
        for (Check check : CHECKS) {
            if (!check.applies().test(profile, contact)) {
                continue;
            }
            possible += check.weight();
            if (check.satisfied().test(profile, contact)) {
                earned += check.weight();
            } else {
                missing.add(new Missing(check.field(), check.advice()));
            }
        }
        return new Completeness(Math.round(100f * earned / possible), missing);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
