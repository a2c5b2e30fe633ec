package cn.innovationchina.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DataFillTest {

    private static final String TEMPLATE = "3f1c2b9e-0d7a-4c51-9a57-2a0f3c1d9e01";
    private static final String COPY = "8b0e4c2d-51f6-4e3a-b7c9-0f1e2d3c4b5a";

    @Test
    void a_copied_match_list_names_the_new_demand_wherever_the_template_was_named_and_has_no_events_waiting() {
        var matches = new Document("_id", TEMPLATE).append("enterpriseId", "e-7")
                .append("proposals", List.of(new Document("providerId", "p-1").append("why", "for " + TEMPLATE)))
                .append("byDemand", new Document(TEMPLATE, 3))
                .append("outbox", List.of(new Document("type", "MatchesProposed")))
                .append("outboxLease", new Document("owner", "relay-1"));

        var copied = DataFill.copied(matches, TEMPLATE, COPY, 4);

        assertThat(copied.get("_id")).isEqualTo(COPY);
        assertThat(copied.toJson()).doesNotContain(TEMPLATE).contains("for " + COPY).contains("p-1", "e-7");
        assertThat(copied.get("byDemand", Document.class)).containsKey(COPY);
        assertThat(copied.getList("outbox", Document.class)).isEmpty();
        assertThat(copied).doesNotContainKey("outboxLease");
        assertThat(matches.get("_id")).as("the template stays as it was").isEqualTo(TEMPLATE);
    }

    @Test
    void a_copied_inbox_entry_or_fact_gets_an_id_of_its_own_kind_unique_per_copy() {
        var entry = new Document("_id", "delivery-91").append("demandId", TEMPLATE).append("recipient", "p-1");
        var fact = new Document("_id", new ObjectId()).append("demandId", TEMPLATE);

        var first = DataFill.copied(entry, TEMPLATE, COPY, 1);
        var second = DataFill.copied(entry, TEMPLATE, COPY, 2);
        var copiedFact = DataFill.copied(fact, TEMPLATE, COPY, 1);

        assertThat(List.of(first.get("_id"), second.get("_id"))).doesNotHaveDuplicates().doesNotContain("delivery-91");
        assertThat(first.getString("demandId")).isEqualTo(COPY);
        assertThat(first.getString("recipient")).isEqualTo("p-1");
        assertThat(copiedFact.get("_id")).isInstanceOf(ObjectId.class).isNotEqualTo(fact.get("_id"));
    }
}
