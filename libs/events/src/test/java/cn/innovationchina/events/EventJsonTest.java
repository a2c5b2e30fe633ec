package cn.innovationchina.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final DemandPublished hydrogenStack = new DemandPublished("d-1",
            new EnterpriseRef("e-1", "咸宁氢能科技有限公司", "91421200MA4F0XXXXX", "421200"), "XIANNING",
            new DemandContent("氢燃料电池电堆 fuel cell stack", "背景", List.of("膜电极寿命"), "寿命 10000 h",
                    List.of("ENERGY.HYDROGEN"), List.of("PEMFC"), List.of(CooperationMode.JOINT_RND),
                    new BudgetRange(500_000L, null), LocalDate.of(2027, 6, 30), Visibility.PUBLIC, null),
            Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void an_envelope_reads_back_as_it_was_written_with_its_typed_payload() {
        var envelope = EventEnvelope.wrap(hydrogenStack, "d-1", 3, "XIANNING",
                new EventEnvelope.Tracing("corr-1", null), "demand-service", Instant.parse("2026-11-22T08:00:00Z"));

        var read = EventJson.read(EventJson.write(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(read.type()).isEqualTo("DemandPublished");
        assertThat(read.aggregateType()).isEqualTo("Demand");
        assertThat(read.topic()).isEqualTo(Topics.DEMAND_EVENTS);
    }

    @Test
    void fields_and_enum_values_a_consumer_does_not_know_yet_are_ignored() {
        var json = new String(EventJson.write(EventEnvelope.wrap(hydrogenStack, "d-1", 1, "XIANNING",
                new EventEnvelope.Tracing("c", null), "demand-service", Instant.now())), StandardCharsets.UTF_8)
                .replace("\"publishedAt\"", "\"sponsor\":\"x\",\"publishedAt\"")
                .replace("\"JOINT_RND\"", "\"FUTURE_MODE\"");

        var read = (DemandPublished) EventJson.read(json.getBytes(StandardCharsets.UTF_8)).payload();

        assertThat(read.content().title()).isEqualTo("氢燃料电池电堆 fuel cell stack");
        assertThat(read.content().cooperationModes()).containsExactly((CooperationMode) null);
    }

    @Test
    void a_demand_written_before_enterprises_named_their_division_reads_without_one() {
        var json = new String(EventJson.write(EventEnvelope.wrap(hydrogenStack, "d-1", 1, "XIANNING",
                new EventEnvelope.Tracing("c", null), "demand-service", Instant.now())), StandardCharsets.UTF_8)
                .replace(",\"divisionCode\":\"421200\"", "");

        var read = (DemandPublished) EventJson.read(json.getBytes(StandardCharsets.UTF_8)).payload();

        assertThat(json).doesNotContain("divisionCode");
        assertThat(read.enterprise().divisionCode()).isNull();
        assertThat(read.enterprise().creditCode()).isEqualTo("91421200MA4F0XXXXX");
    }

    @Test
    void bytes_that_are_not_an_event_are_reported_as_malformed() {
        assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"Unheard\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("Unheard");
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"DemandExpired\",\"payload\":null}".getBytes()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void a_consumer_reads_an_event_in_one_pass_and_finds_a_type_this_build_does_not_know_empty() {
        var envelope = EventEnvelope.wrap(hydrogenStack, "d-1", 3, "XIANNING",
                new EventEnvelope.Tracing("corr-1", null), "demand-service", Instant.parse("2026-11-22T08:00:00Z"));

        assertThat(EventJson.readKnown(EventJson.write(envelope))).get().isEqualTo(envelope);
        assertThat(EventJson.readKnown("{\"type\":\"Unheard\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThatThrownBy(() -> EventJson.readKnown("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.readKnown("{\"payload\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no event type");
        byte[] whole = EventJson.write(envelope);
        byte[] cut = Arrays.copyOf(whole, whole.length - 20);
        assertThat(EventJson.typeOf(cut)).isEqualTo("DemandPublished");
        assertThatThrownBy(() -> EventJson.readKnown(cut)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void the_type_of_an_event_is_read_without_the_rest_wherever_it_stands() {
        var envelope = EventEnvelope.wrap(hydrogenStack, "d-1", 3, "XIANNING",
                new EventEnvelope.Tracing("corr-1", null), "demand-service", Instant.parse("2026-11-22T08:00:00Z"));

        assertThat(EventJson.typeOf(EventJson.write(envelope))).isEqualTo("DemandPublished");
        assertThat(EventJson.typeOf("{\"payload\":{\"type\":\"inner\",\"list\":[1,{\"a\":2}]},\"type\":\"Later\"}"
                .getBytes(StandardCharsets.UTF_8))).as("after a nested payload").isEqualTo("Later");
        assertThat(EventJson.typeOf("{\"type\":\"Cut short".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventJson.typeOf("{\"type\":7}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventJson.typeOf("{\"payload\":{}}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventJson.typeOf("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventJson.typeOf("[\"type\"]".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void every_catalogued_event_lives_on_the_topic_of_its_aggregate() {
        assertThat(EventCatalog.entries()).hasSize(26).allSatisfy(entry -> assertThat(entry.topic())
                .isEqualTo(switch (entry.aggregateType()) {
                    case "Demand", "PilotCity" -> Topics.DEMAND_EVENTS;
                    case "Provider" -> Topics.PROVIDER_EVENTS;
                    case "Match" -> Topics.MATCH_EVENTS;
                    default -> Topics.NOTIFICATION_EVENTS;
                }));
    }
}
