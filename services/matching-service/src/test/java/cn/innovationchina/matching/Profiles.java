package cn.innovationchina.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.Visibility;

/** Readable provider profiles and demands for tests: a sensible default, changed one fact at a time. */
public final class Profiles {

    private Profiles() {
    }

    public static ProviderBuilder provider(String name) {
        return new ProviderBuilder(name);
    }

    public static DemandBuilder demand(String title) {
        return new DemandBuilder(title);
    }

    /** An enterprise as events written before enterprises named their division show it. */
    public static EnterpriseRef enterprise(String id, String name, String creditCode) {
        return new EnterpriseRef(id, name, creditCode, null);
    }

    public static EnterpriseRef enterprise(String id, String name, String creditCode, String divisionCode) {
        return new EnterpriseRef(id, name, creditCode, divisionCode);
    }

    public static final class ProviderBuilder {
        private final String name;
        private ProviderKind kind = ProviderKind.EXPERT;
        private String affiliation;
        private String affiliationCreditCode;
        private List<String> fieldCodes = List.of("ENERGY.HYDROGEN");
        private List<String> skills = List.of();
        private List<String> keywords = List.of();
        private String summary = "";
        private final List<Achievement> achievements = new ArrayList<>();
        private List<CooperationMode> services = List.of(CooperationMode.TECHNICAL_CONSULTING,
                CooperationMode.JOINT_RND, CooperationMode.COMMISSIONED_DEVELOPMENT);
        private String cityCode = "XIANNING";
        private String divisionCode;
        private List<String> regionsServed = List.of();
        private int capacity = 3;
        private Availability availability = Availability.AVAILABLE;
        private List<String> conflicts = List.of();
        private String memberOf;
        private boolean verified = true;

        private ProviderBuilder(String name) {
            this.name = name;
        }

        public ProviderBuilder kind(ProviderKind value) {
            kind = value;
            return this;
        }

        public ProviderBuilder affiliation(String value, String creditCode) {
            affiliation = value;
            affiliationCreditCode = creditCode;
            return this;
        }

        public ProviderBuilder fields(String... codes) {
            fieldCodes = List.of(codes);
            return this;
        }

        public ProviderBuilder skills(String... values) {
            skills = List.of(values);
            return this;
        }

        public ProviderBuilder keywords(String... values) {
            keywords = List.of(values);
            return this;
        }

        public ProviderBuilder summary(String value) {
            summary = value;
            return this;
        }

        public ProviderBuilder patent(String title) {
            achievements.add(new Achievement(Achievement.Kind.PATENT, title, null, 2023));
            return this;
        }

        public ProviderBuilder services(CooperationMode... modes) {
            services = List.of(modes);
            return this;
        }

        public ProviderBuilder city(String value) {
            cityCode = value;
            return this;
        }

        /** A provider where the CAST network's experts are: any division of China, in no pilot city's group. */
        public ProviderBuilder locatedIn(String division) {
            cityCode = null;
            divisionCode = division;
            return this;
        }

        public ProviderBuilder serves(String... regions) {
            regionsServed = List.of(regions);
            return this;
        }

        public ProviderBuilder capacity(int value) {
            capacity = value;
            return this;
        }

        public ProviderBuilder availability(Availability value) {
            availability = value;
            return this;
        }

        public ProviderBuilder declaresConflictWith(String... creditCodes) {
            conflicts = List.of(creditCodes);
            return this;
        }

        public ProviderBuilder memberOf(String value) {
            memberOf = value;
            return this;
        }

        public ProviderBuilder unverified() {
            verified = false;
            return this;
        }

        public ProviderProfile build() {
            return new ProviderProfile(name, kind, affiliation, affiliationCreditCode, "Professor", fieldCodes,
                    skills, keywords, summary, List.copyOf(achievements), services, cityCode, divisionCode,
                    regionsServed,
                    List.of("zh", "en"), capacity, availability, null, conflicts, memberOf, verified);
        }
    }

    public static final class DemandBuilder {
        private final String title;
        private List<String> keyProblems = List.of();
        private String targetOutcomes = "";
        private List<String> fieldCodes = List.of("ENERGY.HYDROGEN");
        private List<String> keywords = List.of();
        private List<CooperationMode> modes = List.of();
        private Visibility visibility = Visibility.PUBLIC;

        private DemandBuilder(String title) {
            this.title = title;
        }

        public DemandBuilder problems(String... values) {
            keyProblems = List.of(values);
            return this;
        }

        public DemandBuilder outcomes(String value) {
            targetOutcomes = value;
            return this;
        }

        public DemandBuilder fields(String... codes) {
            fieldCodes = List.of(codes);
            return this;
        }

        public DemandBuilder keywords(String... values) {
            keywords = List.of(values);
            return this;
        }

        public DemandBuilder modes(CooperationMode... values) {
            modes = List.of(values);
            return this;
        }

        public DemandBuilder visibility(Visibility value) {
            visibility = value;
            return this;
        }

        public DemandContent build() {
            return new DemandContent(title, "background", keyProblems, targetOutcomes, fieldCodes, keywords, modes,
                    new BudgetRange(100_000L, 500_000L), LocalDate.of(2030, 6, 30), visibility, null);
        }
    }
}
