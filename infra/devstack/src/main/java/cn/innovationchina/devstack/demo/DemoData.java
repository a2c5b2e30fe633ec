package cn.innovationchina.devstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.reference.Division;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.PilotCity;
import cn.innovationchina.reference.TechnologyField;
import cn.innovationchina.reference.UnifiedSocialCreditCode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo world, read from the hand-written files under {@code demo/}: enterprises and their demands as written,
 * organisations as written, and individual experts built by rule from each field's expertise (names, affiliations,
 * achievement numbers vary by the expert's ordinal, so every load builds the same world).
 */
final class DemoData {

    record Contact(String name, String phone, String email) {
    }

    record Enterprise(String id, String name, String cityCode, String industry, String size, String creditCode17,
            Contact contact) {

        /** The Unified Social Credit Code with its GB 32100-2015 check character. */
        String creditCode() {
            return creditCode17 + UnifiedSocialCreditCode.checkCharacter(creditCode17);
        }

        /** The body of {@code POST /enterprises}. */
        Map<String, Object> registration() {
            return Map.of("name", name, "creditCode", creditCode(), "cityCode", cityCode, "industry", industry,
                    "size", size);
        }
    }

    record Demand(String enterprise, String story, @Nullable Long contractCny, @Nullable String rejectReason,
            String title, String background, List<String> keyProblems, String targetOutcomes,
            List<String> fieldCodes, List<String> keywords, List<String> modes, List<Long> budget,
            int deadlineMonths, String visibility, @Nullable String provider) {
    }

    record Phrases(List<String> invitation, Map<String, String> dismissal, Map<String, String> decline,
            List<String> enterpriseFeedback, List<String> providerFeedback, String closingNote) {
    }

    /**
     * A provider to register: its id, its pilot city (none for one outside every pilot city's service group),
     * whether the platform administrator verifies it, and its profile.
     */
    record Provider(String id, String kind, @Nullable String cityCode, boolean verify, Map<String, Object> profile) {
    }

    private record Expertise(String code, List<String> cities, String journal, List<String> skills,
            List<String> keywords, List<String> summaries, List<String> patents, List<String> papers,
            List<String> projects, List<String> modes) {
    }

    private record University(String name, String mail) {
    }

    private record EnterprisesFile(List<Enterprise> enterprises) {
    }

    private record DemandsFile(List<Demand> demands, Phrases phrases) {
    }

    private record ExpertiseFile(List<Expertise> fields) {
    }

    private record OrganisationsFile(Map<String, List<University>> universities,
            List<Map<String, Object>> providers) {
    }

    /** What may happen to a demand: before publication, then how far its history on the matches goes. */
    static final List<String> STORIES = List.of("draft", "pending", "rejected", "withdrawn", "open", "shortlisted",
            "invited", "declined", "accepted", "terminated", "docking", "contract", "closed");

    /** How many providers the full world has; organisations are written out, the rest are experts built by rule. */
    static final int WORLD_PROVIDERS = 200;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓",
            "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
            "任", "沈");
    private static final List<String> GIVEN_NAMES = List.of("伟", "芳", "敏", "静", "磊", "洋", "勇", "军", "杰", "娟",
            "涛", "明", "超", "秀英", "华", "慧", "建国", "志强", "晓东", "海燕", "文博", "思远", "立新", "雪梅", "国栋",
            "婷", "鹏", "宇航", "佳", "丽华", "振宇", "子涵", "永刚", "春雷", "红梅", "建华", "晨", "凯", "一鸣", "欣然");
    private static final List<String> TITLES = List.of("教授", "研究员", "副教授", "高级工程师", "教授级高级工程师",
            "副研究员", "教授", "特聘专家");

    private final FieldTaxonomy taxonomy = FieldTaxonomy.standard();
    private final PilotCities cities = PilotCities.standard();
    private final Divisions divisions = Divisions.standard();
    private final List<Enterprise> enterprises;
    private final List<Demand> demands;
    private final Phrases phrases;
    private final List<Expertise> expertise;
    private final Map<String, List<University>> universities;
    private final List<Map<String, Object>> organisations;

    DemoData() {
        enterprises = read("demo/enterprises.json", EnterprisesFile.class).enterprises();
        var demandsFile = read("demo/demands.json", DemandsFile.class);
        demands = demandsFile.demands();
        phrases = demandsFile.phrases();
        expertise = read("demo/expertise.json", ExpertiseFile.class).fields();
        var organisationsFile = read("demo/organisations.json", OrganisationsFile.class);
        universities = organisationsFile.universities();
        organisations = organisationsFile.providers();
        check();
    }

    /** The first {@code count} demands as written; the file puts a small world's worth of variety first. */
    List<Demand> demands(int count) {
        return demands.subList(0, Math.min(count, demands.size()));
    }

    int demandCount() {
        return demands.size();
    }

    Phrases phrases() {
        return phrases;
    }

    Enterprise enterprise(String id) {
        return enterprises.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demands.json names unknown enterprise " + id));
    }

    PilotCity city(String code) {
        return cities.find(code).orElseThrow(() -> new IllegalStateException("Not a pilot city: " + code));
    }

    /** A pilot city's division, or a division named by its GB/T 2260 code. */
    Division place(String code) {
        String divisionCode = cities.find(code).map(PilotCity::divisionCode).orElse(code);
        return divisions.find(divisionCode)
                .orElseThrow(() -> new IllegalStateException("Neither a pilot city nor a division: " + code));
    }

    List<PilotCity> cities() {
        return List.copyOf(cities.cities());
    }

    /**
     * The first {@code count} providers of the world: three experts, then an organisation, and so on while
     * organisations last, so that even a small world has every kind and its experts cover the taxonomy in order.
     */
    List<Provider> providers(int count) {
        List<Provider> all = new ArrayList<>();
        int expert = 0;
        int organisation = 0;
        int experts = WORLD_PROVIDERS - organisations.size();
        while (all.size() < Math.min(count, WORLD_PROVIDERS)) {
            boolean organisationsTurn = all.size() % 4 == 3 && organisation < organisations.size();
            if (organisationsTurn || expert >= experts) {
                organisation++;
                all.add(organisation(organisations.get(organisation - 1), organisation));
            } else {
                all.add(expert(expert++));
            }
        }
        return all;
    }

    /** A provider as written in the file, the {@code number}th there; its own email, if it gives one, is kept. */
    private Provider organisation(Map<String, Object> written, int number) {
        Map<String, Object> profile = new LinkedHashMap<>(written);
        String id = (String) profile.remove("id");
        boolean verify = Boolean.TRUE.equals(profile.remove("verify"));
        profile.putIfAbsent("languages", List.of("zh", "en"));
        profile.putIfAbsent("email", "contact@" + id.toLowerCase() + ".example.cn");
        profile.put("phone", "+86 400 8%03d 0%03d".formatted(number, number));
        return new Provider(id, (String) profile.get("kind"), (String) profile.get("cityCode"), verify, profile);
    }

    /**
     * Expert {@code n} works in leaf field {@code n mod L} (L leaves described in expertise.json), in one of the
     * places where that field is strong (a pilot city, or a division outside every pilot city); the first expert of
     * every field is verified, so even confidential demands find someone.
     */
    private Provider expert(int n) {
        List<TechnologyField> leaves = fieldsWithExperts();
        TechnologyField field = leaves.get(n % leaves.size());
        int round = n / leaves.size();
        Expertise skill = expertise(field.code());
        String placeCode = skill.cities().get(round % skill.cities().size());
        String cityCode = cities.find(placeCode).map(PilotCity::code).orElse(null);
        Division place = place(placeCode);
        List<University> local = universities.get(placeCode);
        University university = local.get((n + round) % local.size());
        String title = TITLES.get(n % TITLES.size());
        int year = 2016 + n % 9;

        List<String> fields = new ArrayList<>(List.of(field.code()));
        List<TechnologyField> siblings = taxonomy.childrenOf(field.parentCode());
        if (n % 3 == 0 && siblings.size() > 1) {
            fields.add(siblings.get((siblings.indexOf(field) + 1) % siblings.size()).code());
        }
        List<String> skills = new ArrayList<>();
        for (int i = 0; i < Math.min(3, skill.skills().size()); i++) {
            skills.add(skill.skills().get((round + i) % skill.skills().size()));
        }
        List<Map<String, Object>> achievements = new ArrayList<>();
        achievements.add(achievement("PATENT", skill.patents().get(round % skill.patents().size()),
                "CN11%07dB".formatted((n * 7919 + 1234567) % 10_000_000), year));
        achievements.add(achievement("PAPER", skill.papers().get((round + 1) % skill.papers().size()),
                skill.journal() + "." + (year + 1) + "." + (1000 + n * 13 % 9000), year + 1));
        achievements.add(achievement("PROJECT", skill.projects().get(round % skill.projects().size()), null,
                2019 + n % 6));
        if (n % 4 == 0) {
            achievements.add(achievement("AWARD", provincialAward(place), null, 2020 + n % 5));
        }
        List<String> regions = new ArrayList<>(List.of(place.zone()));
        if (n % 5 == 0) {
            divisions.zones().stream().map(r -> r.code()).filter(r -> !regions.contains(r))
                    .skip(n % 4).findFirst().ifPresent(regions::add);
        }
        String id = "EXP-%04d".formatted(n + 1);
        Map<String, Object> profile = new LinkedHashMap<>();
        // The round shifts the given name, so the experts of one field (n apart by the number of leaves) differ.
        profile.put("name", SURNAMES.get(n * 7 % SURNAMES.size())
                + GIVEN_NAMES.get((n * 11 + round * 7) % GIVEN_NAMES.size()));
        profile.put("kind", "EXPERT");
        profile.put("affiliation", university.name());
        profile.put("title", title);
        profile.put("fieldCodes", fields);
        profile.put("skills", skills);
        profile.put("keywords", skill.keywords());
        profile.put("summary", "从事该方向%d年。".formatted(8 + n % 17) + skill.summaries().get(round % 2));
        profile.put("achievements", achievements);
        profile.put("services", skill.modes().subList(0, Math.min(skill.modes().size(), 3 + n % 2)));
        if (cityCode != null) {
            profile.put("cityCode", cityCode);
        } else {
            profile.put("divisionCode", place.code());
        }
        profile.put("regionsServed", regions);
        profile.put("languages", n % 2 == 0 ? List.of("zh", "en") : List.of("zh"));
        profile.put("capacity", 1 + n % 4);
        profile.put("email", "exp%04d@%s.example.cn".formatted(n + 1, university.mail()));
        profile.put("phone", "+86 139 %04d %04d".formatted(n + 1, 2000 + n * 37 % 8000));
        return new Provider(id, "EXPERT", cityCode, round == 0, profile);
    }

    private static Map<String, Object> achievement(String kind, String title, @Nullable String reference,
            int year) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("kind", kind);
        achievement.put("title", title);
        if (reference != null) {
            achievement.put("reference", reference);
        }
        achievement.put("year", year);
        return achievement;
    }

    /** Municipalities and autonomous regions award as such; the others are provinces. */
    private static String provincialAward(Division place) {
        String province = place.provinceZh();
        String authority = switch (province) {
            case "北京", "天津", "上海", "重庆" -> province + "市";
            case "广西" -> "广西壮族自治区";
            case "内蒙古", "西藏" -> province + "自治区";
            case "宁夏" -> "宁夏回族自治区";
            case "新疆" -> "新疆维吾尔自治区";
            default -> province + "省";
        };
        return authority + "科学技术进步奖二等奖";
    }

    /**
     * The leaves expertise.json describes, in the taxonomy's order: the fields of taxonomy v1. The leaves v2 added
     * (agriculture, food, textiles ...) have no demo experts, so the demo world stays the one its stories were
     * written for (ADR 0034).
     */
    List<TechnologyField> fieldsWithExperts() {
        return taxonomy.leaves().stream()
                .filter(leaf -> expertise.stream().anyMatch(e -> e.code().equals(leaf.code()))).toList();
    }

    private Expertise expertise(String fieldCode) {
        return expertise.stream().filter(e -> e.code().equals(fieldCode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("expertise.json has no entry for " + fieldCode));
    }

    /** The files are hand-written: a typo fails the load at once, naming the file, not as a 400 from a service. */
    private void check() {
        expertise.forEach(field -> {
            if (!taxonomy.isLeaf(field.code())) {
                throw new IllegalStateException("expertise.json: " + field.code() + " is not a leaf field");
            }
        });
        for (Expertise field : expertise) {
            field.cities().forEach(code -> {
                place(code);
                if (!universities.containsKey(code)) {
                    throw new IllegalStateException("organisations.json has no university in " + code);
                }
            });
        }
        for (Demand demand : demands) {
            enterprise(demand.enterprise());
            if (!STORIES.contains(demand.story())) {
                throw new IllegalStateException("demands.json: unknown story " + demand.story() + " (" + STORIES + ")");
            }
            boolean signs = demand.story().equals("contract") || demand.story().equals("closed");
            if (signs != (demand.contractCny() != null) || signs && (demand.contractCny() < demand.budget().get(0)
                    || demand.contractCny() > demand.budget().get(1))) {
                throw new IllegalStateException("demands.json: \"" + demand.title() + "\" needs a contractCny within "
                        + "its budget exactly when its story signs a contract");
            }
            if (demand.story().equals("rejected") != (demand.rejectReason() != null)) {
                throw new IllegalStateException("demands.json: \"" + demand.title() + "\" needs a rejectReason "
                        + "exactly when it is rejected");
            }
            demand.fieldCodes().forEach(code -> {
                if (!taxonomy.isLeaf(code)) {
                    throw new IllegalStateException("demands.json: " + code + " is not a leaf field");
                }
            });
        }
        enterprises.forEach(enterprise -> city(enterprise.cityCode()));
    }

    static LocalDate deadline(Demand demand, LocalDate today) {
        return today.plusMonths(demand.deadlineMonths());
    }

    /** The body of {@code POST /demands} for a demand of the file, posted by an enterprise on a given day. */
    static Map<String, Object> demandBody(Demand demand, Enterprise enterprise, String title, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", demand.background());
        body.put("keyProblems", demand.keyProblems());
        body.put("targetOutcomes", demand.targetOutcomes());
        body.put("fieldCodes", demand.fieldCodes());
        body.put("keywords", demand.keywords());
        body.put("cooperationModes", demand.modes());
        body.put("budget", Map.of("minCny", demand.budget().get(0), "maxCny", demand.budget().get(1)));
        body.put("deadline", deadline(demand, today).toString());
        body.put("visibility", demand.visibility());
        body.put("industry", enterprise.industry());
        body.put("cityCode", enterprise.cityCode());
        body.put("contact", Map.of("name", enterprise.contact().name(), "phone", enterprise.contact().phone(),
                "email", enterprise.contact().email()));
        return body;
    }

    List<Enterprise> enterprises() {
        return enterprises;
    }

    /** Expert {@code n} of an unbounded supply: the world's first experts, then more of the same making. */
    Provider anyExpert(int n) {
        return expert(n);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo data " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
