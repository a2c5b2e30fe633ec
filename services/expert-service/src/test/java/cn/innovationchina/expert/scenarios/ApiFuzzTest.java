package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.Tokens;
import cn.innovationchina.testkit.fuzz.ApiFuzzer;

/** Thousands of requests made from the OpenAPI document, each with something broken, as every kind of caller. */
class ApiFuzzTest extends Scenario {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void no_generated_request_gets_a_server_error_an_unnamed_fault_or_stores_anything_when_refused() {
        var society = given.aSociety();
        var member = given.aRegisteredExpert();

        var findings = ApiFuzzer.forServiceAt(http)
                .as(AuthorizationMatrix.callers(Tokens.forTests(),
                        new Tenant("ORG-FUZZ-OWN", society.id, "XIANNING"),
                        new Tenant("ORG-FUZZ-OTHER", Actors.newId("PRV"), "WUHAN")).values())
                .withPathValues(Map.of("id", society.id, "memberId", member.id, "city", "XIANNING"))
                .run();

        findings.assertNoDefects().assertNothingStoredFrom(storedText());
        assertThat(findings.statuses()).as("some requests reach the code behind validation").containsKey(200);
    }

    private String storedText() {
        return mongo.getCollectionNames().flatMap(name -> mongo.findAll(Document.class, name))
                .map(Document::toJson).collect(Collectors.joining("\n")).block();
    }
}
