package cn.innovationchina.matching.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.TrackRecord;

/**
 * The labelled set in {@code src/test/resources/quality/evaluation-set.json} (built by build_set.py from
 * specialities.tsv): demands, providers with their active engagements, and graded judgements 0-3.
 */
record EvaluationSet(List<DemandEntry> demands, List<ProviderEntry> providers, List<Judgement> judgements) {

    record DemandEntry(String id, EnterpriseRef enterprise, String cityCode, String language, DemandContent content) {

        Demand demand() {
            return new Demand(id, enterprise, cityCode, content, true, 1);
        }
    }

    record ProviderEntry(String id, ProviderProfile profile, int activeEngagements) {

        Provider provider() {
            return new Provider(id, profile, true, 1);
        }

        TrackRecord trackRecord() {
            List<String> engaged = new ArrayList<>();
            for (int i = 0; i < activeEngagements; i++) {
                engaged.add("engagement-" + i);
            }
            return new TrackRecord(id, engaged, List.of(), Map.of(), engaged, List.of());
        }
    }

    record Judgement(String demandId, String providerId, int grade) {
    }

    static EvaluationSet load() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream("/quality/evaluation-set.json")) {
            return EventJson.mapper().readValue(in, EvaluationSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grades of one demand's judged providers. */
    Map<String, Integer> gradesOf(String demandId) {
        Map<String, Integer> grades = new HashMap<>();
        judgements.stream().filter(j -> j.demandId().equals(demandId))
                .forEach(j -> grades.put(j.providerId(), j.grade()));
        return grades;
    }
}
