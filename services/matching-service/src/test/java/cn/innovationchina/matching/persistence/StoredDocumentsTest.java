package cn.innovationchina.matching.persistence;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.Match;
import cn.innovationchina.matching.domain.MatchStatus;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.RankedProvider;
import cn.innovationchina.matching.domain.RankingResult;
import cn.innovationchina.matching.domain.TrackRecord;
import cn.innovationchina.testkit.ServiceTest;
import reactor.core.publisher.Mono;

/**
 * What matching stores is its document classes' shape, not its domain records': the field names are pinned here as
 * they lie in MongoDB, and documents written when the domain records were stored as they are (the shape below, with
 * the domain record's {@code _class}) are still read, and still changed.
 */
@ServiceTest
class StoredDocumentsTest {

    /** Spring's type hint, and what the platform's store keeps beside an aggregate's own fields. */
    private static final Set<String> BESIDE_THE_FIELDS = Set.of("_class", "outboxLease");

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MatchStore matches;
    @Autowired
    ReadModels readModels;

    private final String id = "sd" + UUID.randomUUID().toString().substring(0, 8);
    private final Demand demand = new Demand("d-" + id, enterprise("e-" + id, "Xianning Fuel Cells",
            "91421200MA4XN0001K"), "XIANNING", demand("Fuel cell stack").build(), true, 3);

    @Test
    void a_demands_matches_are_stored_under_the_names_of_their_document() {
        var provider = new Provider("p-" + id, provider("Prof. Shape").locatedIn("421200").city("XIANNING").build(),
                true, 2);
        var proposed = DemandMatches.none(demand).propose(new RankingResult(List.of(new RankedProvider(provider, 1,
                0.75, explanation())), null), MatchTrigger.DEMAND_PUBLISHED, demand, () -> "m-" + id);
        matches.save(DemandMatches.none(demand), proposed).block();
        var stored = matches.find(demand.id()).block();
        matches.save(stored, stored.invite("m-" + id, Party.ENTERPRISE, "Please have a look")).block();

        var raw = raw("demandMatches", demand.id());

        assertThat(withoutTypeAndLease(raw)).containsOnlyKeys("_id", "enterpriseId", "cityCode",
                "rankedDemandVersion", "matches", "ended", "version", "outbox");
        var match = raw.getList("matches", Document.class).get(0);
        assertThat(match).containsOnlyKeys("matchId", "providerId", "providerName", "providerKind",
                "providerCityCode", "providerDivisionCode", "rank", "score", "explanation", "status",
                "enterpriseGaveFeedback", "providerGaveFeedback", "invitationMessage");
        assertThat(match.getString("status")).isEqualTo("INVITED");
        assertThat(match.get("explanation", Document.class)).containsOnlyKeys("matchedTerms", "matchedFieldCodes",
                "location", "freeCapacity", "summary");
    }

    @Test
    void matches_stored_before_their_document_class_are_still_read_and_stepped() {
        insert("demandMatches", """
                {"_id": "d-%1$s", "enterpriseId": "e-%1$s", "cityCode": "XIANNING", "rankedDemandVersion": 3,
                 "matches": [{"matchId": "m-%1$s", "providerId": "p-%1$s", "providerName": "Prof. Old",
                   "providerKind": "EXPERT", "providerCityCode": "XIANNING", "rank": 1, "score": 0.75,
                   "explanation": {"matchedTerms": ["stack"], "matchedFieldCodes": ["ENERGY.HYDROGEN"],
                     "location": "SAME_CITY", "freeCapacity": 3, "summary": "Matches stack"},
                   "status": "PROPOSED", "enterpriseGaveFeedback": false, "providerGaveFeedback": false}],
                 "ended": false, "_class": "cn.innovationchina.matching.domain.DemandMatches", "version": 1,
                 "outbox": []}""");

        var stored = matches.find(demand.id()).block();

        assertThat(stored).isEqualTo(new DemandMatches(demand.id(), "e-" + id, "XIANNING", 3, List.of(
                new Match("m-" + id, "p-" + id, "Prof. Old", ProviderKind.EXPERT, "XIANNING", null, 1, 0.75,
                        explanation(), MatchStatus.PROPOSED, false, false, null)), false, 1));
        matches.save(stored, stored.shortlist("m-" + id, Party.ENTERPRISE)).block();
        var shortlisted = matches.find(demand.id()).block();
        assertThat(shortlisted.version()).isEqualTo(2);
        assertThat(shortlisted.find("m-" + id).orElseThrow().status()).isEqualTo(MatchStatus.SHORTLISTED);
    }

    @Test
    void the_read_models_are_stored_under_the_names_of_their_documents() {
        readModels.save(demand).block();
        readModels.save(new Provider("p-" + id, provider("Prof. Shape").build(), true, 2)).block();
        readModels.accepted("p-" + id, "m-1").block();
        readModels.contracted("p-" + id, "m-1").block();
        readModels.rated("p-" + id, "m-1", 4).block();
        readModels.mismatched("p-" + id, "m-2", List.of("ENERGY.HYDROGEN")).block();

        assertThat(withoutTypeAndLease(raw("demands", demand.id()))).containsOnlyKeys("_id", "enterprise",
                "cityCode", "content", "open", "version");
        assertThat(withoutTypeAndLease(raw("providers", "p-" + id))).containsOnlyKeys("_id", "profile", "active",
                "version");
        var trackRecord = raw("track_records", "p-" + id);
        assertThat(trackRecord).containsOnlyKeys("_id", "accepted", "engaged", "contracted", "ratings",
                "mismatches");
        assertThat(trackRecord.get("ratings", Document.class)).containsEntry("m-1", 4);
        assertThat(trackRecord.getList("mismatches", Document.class).get(0)).containsOnlyKeys("matchId",
                "fieldCodes");
    }

    @Test
    void read_models_stored_before_their_document_classes_are_still_read() {
        insert("demands", """
                {"_id": "d-%1$s", "enterprise": {"enterpriseId": "e-%1$s", "name": "Xianning Fuel Cells",
                   "creditCode": "91421200MA4XN0001K"}, "cityCode": "XIANNING",
                 "content": {"title": "Fuel cell stack", "background": "background", "keyProblems": [],
                   "targetOutcomes": "", "fieldCodes": ["ENERGY.HYDROGEN"], "keywords": [], "cooperationModes": [],
                   "budget": {"minCny": 100000, "maxCny": 500000}, "deadline": {"$date": "2030-06-30T00:00:00Z"},
                   "visibility": "PUBLIC"},
                 "open": true, "version": 3, "_class": "cn.innovationchina.matching.domain.Demand"}""");
        insert("providers", """
                {"_id": "p-%1$s", "profile": {"name": "Prof. Old", "kind": "EXPERT", "title": "Professor",
                   "fieldCodes": ["ENERGY.HYDROGEN"], "skills": ["stack"], "keywords": [], "summary": "",
                   "achievements": [], "services": ["TECHNICAL_CONSULTING", "JOINT_RND", "COMMISSIONED_DEVELOPMENT"],
                   "cityCode": "XIANNING", "regionsServed": [], "languages": ["zh", "en"], "capacity": 3,
                   "availability": "AVAILABLE", "conflictCreditCodes": [], "verified": true},
                 "active": true, "version": 2, "_class": "cn.innovationchina.matching.domain.Provider"}""");
        insert("track_records", """
                {"_id": "p-%1$s", "accepted": ["m-1"], "engaged": ["m-1"], "ratings": {"m-1": 4}}""");

        assertThat(readModels.demand(demand.id()).block()).isEqualTo(demand);
        assertThat(readModels.provider("p-" + id).block()).isEqualTo(new Provider("p-" + id,
                provider("Prof. Old").skills("stack").build(), true, 2));
        assertThat(readModels.trackRecords(List.of("p-" + id)).single().block()).isEqualTo(new TrackRecord(
                "p-" + id, List.of("m-1"), List.of(), Map.of("m-1", 4), List.of("m-1"), List.of()));
    }

    private static MatchExplanation explanation() {
        return new MatchExplanation(List.of("stack"), List.of("ENERGY.HYDROGEN"), LocationRelation.SAME_CITY, 3,
                "Matches stack");
    }

    private void insert(String collection, String json) {
        mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.insertOne(Document.parse(json.formatted(id))))).block();
    }

    private Document raw(String collection, String documentId) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.find(new Document("_id", documentId)).first())).block();
    }

    private static Document withoutTypeAndLease(Document raw) {
        var fields = new Document(raw);
        BESIDE_THE_FIELDS.forEach(fields::remove);
        return fields;
    }
}
