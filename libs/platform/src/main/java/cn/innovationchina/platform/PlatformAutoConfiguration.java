package cn.innovationchina.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import cn.innovationchina.events.Topics;
import cn.innovationchina.platform.messaging.Broadcasts;
import cn.innovationchina.platform.messaging.InboundEvents;
import cn.innovationchina.platform.messaging.OwnBroadcastsSkipped;
import cn.innovationchina.platform.messaging.ProcessedEventsJanitor;
import cn.innovationchina.platform.observability.MongoPingHealthIndicator;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.outbox.OutboxProperties;
import cn.innovationchina.platform.outbox.OutboxRelay;
import cn.innovationchina.platform.outbox.OutboxTracing;
import cn.innovationchina.platform.security.PlatformSecurityChain;
import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import cn.innovationchina.platform.web.ReferenceDataRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Everything a service shares, so its Application class is only {@code SpringApplication.run}: the outbox and its
 * relay, idempotent consumers, topics, the token check, MongoDB health and the OpenAPI defaults; on top of the web
 * pieces the gateway shares too ({@link PlatformWebAutoConfiguration}).
 */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class, before = {ReactiveWebSecurityAutoConfiguration.class,
        ReactiveOAuth2ResourceServerAutoConfiguration.class})
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
@EnableReactiveMethodSecurity
public class PlatformAutoConfiguration {

    /** Tracing is on when Micrometer Tracing is configured (it is, by default: ADR 0025); otherwise a no-op. */
    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new OutboxTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaProperties kafka, OutboxProperties outbox,
            Clock clock, MeterRegistry meters, OutboxTracing tracing,
            @Value("${spring.application.name}") String application) {
        var properties = producerProperties(kafka, application, "outbox");
        // A send blocked inside the producer (no metadata, full buffer) cannot renew leases: it must give up
        // within one send timeout, well inside the lease (ADR 0041).
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, outbox.sendTimeout().toMillis());
        var producers = new DefaultKafkaProducerFactory<String, byte[]>(properties);
        producers.addListener(new MicrometerProducerListener<>(meters));
        return new OutboxRelay(mongo, new KafkaTemplate<>(producers), outbox, clock, meters, tracing);
    }

    /** Only services with a broadcast binding ask for it (notification-service's live entries, monitoring's facts). */
    @Bean
    @Lazy
    Broadcasts broadcasts(KafkaProperties kafka, @Value("${spring.application.name}") String application,
            @Value("${" + OwnBroadcastsSkipped.ORIGIN + "}") String origin) {
        return new Broadcasts(new KafkaProducer<>(producerProperties(kafka, application, "broadcasts")), origin);
    }

    /** String keys, byte values, idempotent with acks=all, and a client id that says whose producer it is. */
    private static Map<String, Object> producerProperties(KafkaProperties kafka, String application, String role) {
        var producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-" + role);
        return producer;
    }

    @Bean
    AggregateStore aggregateStore(ReactiveMongoTemplate mongo, OutboxProperties outbox, OutboxRelay relay,
            Clock clock, OutboxTracing tracing, @Value("${spring.application.name}") String application) {
        return new AggregateStore(mongo, outbox, relay, application, clock, tracing);
    }

    @Bean
    InboundEvents inboundEvents(ReactiveMongoTemplate mongo, Clock clock,
            @Value("${spring.application.name}") String consumerGroup,
            @Value("${platform.consumer.handler-timeout}") Duration handlerTimeout) {
        return new InboundEvents(mongo, consumerGroup, handlerTimeout, clock);
    }

    /**
     * A consumer commits its offsets once per {@code platform.consumer.commit-interval}, not after every poll: each
     * commit is a request the broker writes to its offsets log, and at a record a poll that was one per event and
     * group. A consumer stopped without committing reads that last interval again, which every handler takes without a
     * second effect. Its poll returns as often, even with nothing to read, so an idle consumer's last records are
     * committed within the interval too and its lag reads true (ADR 0072).
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> offsetsCommittedOnATimer(
            @Value("${platform.consumer.commit-interval}") Duration interval) {
        return (container, destination, group) -> {
            var properties = container.getContainerProperties();
            properties.setAckMode(ContainerProperties.AckMode.TIME);
            properties.setAckTime(interval.toMillis());
            properties.setPollTimeout(interval.toMillis());
        };
    }

    @Bean
    ProcessedEventsJanitor processedEventsJanitor(ReactiveMongoTemplate mongo, Clock clock,
            @Value("${platform.consumer.dedup-retention}") Duration retention) {
        return new ProcessedEventsJanitor(mongo, retention, clock);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${platform.kafka.partitions}") int partitions,
            @Value("${platform.kafka.replication-factor}") short replicas) {
        return new KafkaAdmin.NewTopics(List.of(Topics.DEMAND_EVENTS, Topics.PROVIDER_EVENTS, Topics.MATCH_EVENTS,
                Topics.NOTIFICATION_EVENTS).stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * Every request needs a valid platform token except health, Prometheus's scrape, API docs and reference data,
     * plus the GET paths a service lists in {@code platform.security.public-paths}; the other actuator endpoints
     * (metrics, ...) are for platform administrators. Object-level rules live in the services.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, ProblemWebExceptionHandler problems,
            @Value("${platform.security.public-paths:}") String[] publicPaths) {
        return PlatformSecurityChain.build(http, problems, exchanges -> {
            exchanges.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                    "/actuator/prometheus", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html",
                    "/swagger-ui/**", "/webjars/**").permitAll();
            exchanges.pathMatchers("/actuator/**").hasRole("PLATFORM_ADMIN");
            exchanges.pathMatchers(HttpMethod.GET, ReferenceDataRoutes.PATHS).permitAll();
            if (publicPaths.length > 0) {
                exchanges.pathMatchers(HttpMethod.GET, publicPaths).permitAll();
            }
            exchanges.anyExchange().authenticated();
        });
    }

    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI()
                .info(new Info().title(application).version("v1")
                        .description("Innovation China matchmaking platform: " + application))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
