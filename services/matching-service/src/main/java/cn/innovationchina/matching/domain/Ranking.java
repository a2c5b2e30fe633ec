package cn.innovationchina.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.Refusal;
import cn.innovationchina.reference.Division;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.PilotCity;

/**
 * Ranks the index's candidates for one demand (ADR 0013, ADR 0035). Relevance first:
 *
 * <pre>
 * relevance = w.text * the share of the demand's weighted terms the profile covers (its own or translated words)
 *           + w.field * mean over the demand's fields of the best proximity (same field 1, same parent 0.5)
 *           - w.mismatchPenalty * min(1, similar mismatches / 2)
 * score     = relevance
 *           + w.location * (same city 1, same region 0.6, cross-region 0.2; 0.6 if the provider serves the region)
 *             (places are divisions: same division; else same province or economic zone; else across regions)
 *           + w.capacity * free capacity / capacity
 *           + w.trackRecord * TrackRecord.score()
 * </pre>
 *
 * after the {@link HardRules}, and only for candidates with evidence: a word of the demand in the profile (or its
 * translation), or a field in common or under the same area. Location, capacity and track record weigh little
 * ({@link RankingWeights#tieBreakers()}): they order providers of about equal relevance and cannot lift one far
 * less relevant. Equal scores are ordered by text, field, location and track record, then by a hash of the demand
 * and the provider, never by the provider's id. Then diversity: at most {@code perAffiliationCap} providers of one
 * affiliation in the top K (the next best of another affiliation takes the place).
 */
public final class Ranking {

    private final FieldTaxonomy fields;
    private final PilotCities cities;
    private final Divisions divisions;
    private final RankingWeights weights;

    public Ranking(FieldTaxonomy fields, PilotCities cities, Divisions divisions, RankingWeights weights) {
        this.fields = fields;
        this.cities = cities;
        this.divisions = divisions;
        this.weights = weights;
    }

    public RankingWeights weights() {
        return weights;
    }

    public RankingResult rank(Demand demand, List<Candidate> candidates) {
        Map<Refusal, Integer> refusals = new EnumMap<>(Refusal.class);
        List<Candidate> eligible = new ArrayList<>();
        HardRules rules = HardRules.of(demand);
        for (Candidate candidate : candidates) {
            rules.refusal(candidate).ifPresentOrElse(
                    refusal -> refusals.merge(refusal, 1, Integer::sum), () -> eligible.add(candidate));
        }
        List<Scored> scored = new ArrayList<>(eligible.size());
        int withoutEvidence = 0;
        for (Candidate candidate : eligible) {
            Scored s = score(demand, candidate);
            if (s.text() > 0 || s.fieldScore() > 0) {
                scored.add(s);
            } else {
                withoutEvidence++;
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingDouble(Scored::text).reversed())
                .thenComparing(Comparator.comparingDouble(Scored::fieldScore).reversed())
                .thenComparing(Comparator.comparingDouble(Scored::locationScore).reversed())
                .thenComparing(Comparator.comparingDouble(Scored::trackRecord).reversed())
                .thenComparingLong(Scored::shuffle));
        List<RankedProvider> top = diverse(scored);
        if (top.isEmpty()) {
            return new RankingResult(List.of(), unmatchedReason(candidates.size(), refusals, withoutEvidence));
        }
        return new RankingResult(top, null);
    }

    private record Scored(Candidate candidate, double score, double text, double fieldScore,
            List<String> matchedFields, LocationRelation location, @Nullable Division place, double locationScore,
            double trackRecord, int freeCapacity, long shuffle) {
    }

    /**
     * The last tie-breaker: a hash of the demand and the provider, stable for one demand and different across
     * demands, so no provider is always first among equals the way the smallest id would be.
     */
    static long shuffle(String demandId, String providerId) {
        long h = 0xcbf29ce484222325L;
        for (char c : (demandId + '\u0000' + providerId).toCharArray()) {
            h = (h ^ c) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private Scored score(Demand demand, Candidate candidate) {
        var profile = candidate.provider().profile();
        var demandFields = demand.content().fieldCodes();
        double fieldSum = 0;
        var matchedFields = new LinkedHashSet<String>();
        for (String wanted : demandFields) {
            double best = 0;
            for (String offered : profile.fieldCodes()) {
                var proximity = fields.proximity(wanted, offered);
                if (proximity == FieldTaxonomy.Proximity.SAME_FIELD) {
                    best = 1;
                    matchedFields.add(offered);
                } else if (proximity == FieldTaxonomy.Proximity.SAME_PARENT) {
                    best = Math.max(best, 0.5);
                }
            }
            fieldSum += best;
        }
        double fieldScore = demandFields.isEmpty() ? 0 : fieldSum / demandFields.size();
        String demandDivision = divisionOf(demand.enterprise().divisionCode(), demand.cityCode());
        String providerDivision = divisionOf(profile.divisionCode(), profile.cityCode());
        var relation = locationOf(divisions.relation(demandDivision, providerDivision));
        double locationScore = switch (relation) {
            case SAME_CITY -> 1.0;
            case SAME_REGION -> 0.6;
            case CROSS_REGION -> serves(profile.regionsServed(), demandDivision) ? 0.6 : 0.2;
        };
        int free = HardRules.freeCapacity(candidate);
        double headroom = profile.capacity() <= 0 ? 0 : (double) free / profile.capacity();
        double text = Math.max(0, Math.min(1, candidate.textRelevance()));
        double penalty = Math.min(1.0, candidate.trackRecord().mismatchesSimilarTo(demandFields) / 2.0);
        double trackRecord = candidate.trackRecord().score();
        double relevance = weights.text() * text + weights.field() * fieldScore
                - weights.mismatchPenalty() * penalty;
        double score = relevance + weights.location() * locationScore + weights.capacity() * headroom
                + weights.trackRecord() * trackRecord;
        return new Scored(candidate, score, text, fieldScore, List.copyOf(matchedFields), relation,
                divisions.find(providerDivision).orElse(null), locationScore, trackRecord, free,
                shuffle(demand.id(), candidate.provider().id()));
    }

    /** Where a side is: its own division, or for events written before they carried one, its pilot city's. */
    private String divisionOf(@Nullable String divisionCode, @Nullable String cityCode) {
        if (divisionCode != null) {
            return divisionCode;
        }
        return cityCode == null ? "" : cities.find(cityCode).map(PilotCity::divisionCode).orElse("");
    }

    /**
     * The reference data's relation of two places as the event contract names it: the two enums are kept apart so
     * neither library depends on the other, and a constant added to one fails compilation here until it is mapped.
     */
    static LocationRelation locationOf(PilotCities.Relation relation) {
        return switch (relation) {
            case SAME_CITY -> LocationRelation.SAME_CITY;
            case SAME_REGION -> LocationRelation.SAME_REGION;
            case CROSS_REGION -> LocationRelation.CROSS_REGION;
        };
    }

    /** A provider serves the demand's place when it names the demand's province or economic zone. */
    private boolean serves(List<String> regionsServed, String demandDivision) {
        return regionsServed.stream().anyMatch(area -> divisions.liesIn(demandDivision, area));
    }

    private List<RankedProvider> diverse(List<Scored> scored) {
        Map<String, Integer> perAffiliation = new HashMap<>();
        List<RankedProvider> top = new ArrayList<>();
        for (Scored s : scored) {
            if (top.size() == weights.topK()) {
                break;
            }
            String affiliation = affiliationOf(s.candidate().provider());
            if (affiliation != null && perAffiliation.getOrDefault(affiliation, 0) >= weights.perAffiliationCap()) {
                continue;
            }
            if (affiliation != null) {
                perAffiliation.merge(affiliation, 1, Integer::sum);
            }
            top.add(new RankedProvider(s.candidate().provider(), top.size() + 1, round(s.score()), explain(s)));
        }
        return top;
    }

    /** Providers of one organisation share its credit code, or failing that its name. */
    private static String affiliationOf(Provider provider) {
        var profile = provider.profile();
        if (profile.affiliationCreditCode() != null && !profile.affiliationCreditCode().isBlank()) {
            return profile.affiliationCreditCode().trim().toUpperCase(Locale.ROOT);
        }
        return profile.affiliation() == null || profile.affiliation().isBlank() ? null
                : profile.affiliation().trim().toLowerCase(Locale.ROOT);
    }

    private static MatchExplanation explain(Scored s) {
        var terms = readable(s.candidate().matchedTerms());
        String in = s.place() == null ? "in" : "in " + s.place().nameEn() + ",";
        String where = switch (s.location()) {
            case SAME_CITY -> "in the same city";
            case SAME_REGION -> in + " the same region";
            case CROSS_REGION -> in + " another region (a cross-region match)";
        };
        var summary = new StringBuilder();
        summary.append(terms.isEmpty() ? "No shared terms" : "Matches " + String.join(", ", terms.subList(0,
                Math.min(5, terms.size()))));
        summary.append("; ").append(s.matchedFields().isEmpty()
                ? (s.fieldScore() > 0 ? "a neighbouring field" : "no shared field")
                : "field " + String.join(", ", s.matchedFields()));
        summary.append("; ").append(where);
        summary.append("; capacity for ").append(s.freeCapacity()).append(" more");
        if (!s.candidate().provider().profile().verified()) {
            summary.append("; not yet verified");
        }
        return new MatchExplanation(terms, s.matchedFields(), s.location(), s.freeCapacity(), summary.toString());
    }

    /** The matched terms a person can read: words, never a single Chinese character (which is no evidence). */
    static List<String> readable(List<String> terms) {
        return terms.stream().filter(term -> !isSingleHanCharacter(term)).toList();
    }

    private static boolean isSingleHanCharacter(String term) {
        return term.codePointCount(0, term.length()) == 1
                && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static String unmatchedReason(int candidates, Map<Refusal, Integer> refusals, int withoutEvidence) {
        if (candidates == withoutEvidence) {
            return "No provider's profile matches the demand's text or fields";
        }
        Map<Refusal, Integer> counted = new EnumMap<>(refusals);
        if (withoutEvidence > 0) {
            counted.put(Refusal.NO_SHARED_WORD_OR_FIELD, withoutEvidence);
        }
        var reasons = new StringJoiner(", ", "No candidate qualified: ", "");
        counted.forEach((refusal, count) -> reasons.add(count + " " + refusal.words()));
        return reasons.toString();
    }

    private static double round(double score) {
        return Math.round(score * 10000) / 10000.0;
    }
}
