package cn.innovationchina.matching;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Topics;
import cn.innovationchina.platform.observability.Correlation;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * What an operator sees of one demand: its trace from the request that caused it, through Kafka, into matching and
 * out again; and the figures Prometheus scrapes (outbox backlog, ranking latency, consumer lag).
 */
@ServiceTest
class ObservabilityTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.MATCH_EVENTS);
    private static final Tokens tokens = Tokens.forTests();

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String word = "ob" + UUID.randomUUID().toString().substring(0, 8);
    private final EnterpriseRef enterprise = enterprise("e-" + word, "Enterprise " + word, "91421200MA4XN0004K");
    private final String demandId = "d-" + word;

    @Test
    void the_proposals_for_a_demand_leave_in_the_trace_the_demand_arrived_in() {
        var bus = new Bus(mongo);
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Qian").skills(word).build()));
        String traceId = hex(16);
        String callerSpan = hex(8);

        bus.publishesInTrace(demandId, enterprise, demand(word).fields().build(),
                "00-" + traceId + "-" + callerSpan + "-01");

        var proposed = record("MatchesProposed");
        assertThat(header(proposed, "traceparent")).as("a new span of the same trace")
                .startsWith("00-" + traceId + "-").doesNotContain(callerSpan);
        assertThat(header(proposed, Correlation.HEADER)).isEqualTo("test-" + demandId);
        assertThat(EventJson.read(proposed.value()).correlationId()).isEqualTo("test-" + demandId);
    }

    @Test
    void a_step_an_enterprise_takes_over_http_leaves_kafka_in_the_callers_trace_and_conversation() {
        String match = proposedMatch();
        String traceId = hex(16);

        String enterpriseToken = tokens.enterprise(enterprise.enterpriseId(), "XIANNING");
        String etag = http.get().uri("/demands/{d}/matches", demandId)
                .headers(headers -> headers.setBearerAuth(enterpriseToken)).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();

        http.post().uri("/demands/{d}/matches/{m}/shortlist", demandId, match)
                .headers(headers -> headers.setBearerAuth(enterpriseToken)).header("If-Match", etag)
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .header(Correlation.HEADER, "conversation-" + word)
                .exchange().expectStatus().isOk();

        var shortlisted = record("MatchShortlisted");
        assertThat(header(shortlisted, "traceparent")).startsWith("00-" + traceId + "-");
        assertThat(header(shortlisted, Correlation.HEADER)).isEqualTo("conversation-" + word);
    }

    @Test
    void prometheus_shows_the_outbox_backlog_the_ranking_latency_and_the_consumer_lag() {
        proposedMatch();

        String metrics = Eventually.awaitState("the scrape to show consumer lag", this::scrape,
                scrape -> scrape.contains("spring_cloud_stream_binder_kafka_offset"));

        assertThat(metrics).contains("platform_outbox_pending{application=\"matching-service\","
                + "collection=\"demandMatches\"}", "platform_outbox_oldest_age_seconds{application=\"matching-service\","
                + "collection=\"demandMatches\"}", "platform_outbox_published_total");
        assertThat(value(metrics, "matching_ranking_seconds_count\\{[^}]*trigger=\"DEMAND_PUBLISHED\"[^}]*}"))
                .as("demands ranked").isGreaterThanOrEqualTo(1);
        assertThat(metrics).containsPattern("matching_ranking_seconds_bucket\\{[^}]*le=\"0\\.1");
        assertThat(metrics).containsPattern(
                "spring_cloud_stream_binder_kafka_offset\\{[^}]*group=\"matching-service\"[^}]*topic=\"demand\\.events\"");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    private String proposedMatch() {
        var bus = new Bus(mongo);
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Zhou").skills(word).build()));
        var published = bus.publishes(demandId, enterprise, demand(word).fields().build());
        return events.expect(MatchesProposed.class, published.aggregateId()).atLeastOnce().payload().proposals()
                .get(0).matchId();
    }

    private ConsumerRecord<String, byte[]> record(String type) {
        return events.awaitRecord(Topics.MATCH_EVENTS,
                r -> demandId.equals(r.key()) && type.equals(EventJson.typeOf(r.value())));
    }

    /** The scrape grows with the series every test of the shared context leaves behind: read it whole. */
    private String scrape() {
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
