package cn.innovationchina.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.platform.security.PlatformTokenValidator;
import cn.innovationchina.platform.security.VerifiedTokens;
import cn.innovationchina.platform.web.BodySizeWebFilter;
import cn.innovationchina.platform.web.CorrelationWebFilter;
import cn.innovationchina.platform.web.PathRejections;
import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import cn.innovationchina.platform.web.ReferenceDataRoutes;
import cn.innovationchina.platform.web.RequestJson;
import cn.innovationchina.platform.web.LiveConnections;
import cn.innovationchina.platform.web.QueryTextWebFilter;
import cn.innovationchina.platform.web.UriLengthWebFilter;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web pieces every HTTP front of the platform shares, the gateway as well as the services: problem documents,
 * correlation ids, the body and URI limits, strict reading of request JSON, the token rules beyond the signature,
 * the reference data and the clock. Nothing here needs MongoDB or Kafka.
 */
@AutoConfiguration
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CorrelationWebFilter correlationWebFilter() {
        return new CorrelationWebFilter();
    }

    /** {@code platform.web.max-body-size-by-path."[/some/upload]"} gives an upload path its own, larger limit. */
    @Bean
    BodySizeWebFilter bodySizeWebFilter(@Value("${platform.web.max-body-size}") DataSize limit,
            Environment environment) {
        return new BodySizeWebFilter(limit, Binder.get(environment)
                .bind("platform.web.max-body-size-by-path", Bindable.mapOf(String.class, DataSize.class))
                .orElse(Map.of()));
    }

    @Bean
    UriLengthWebFilter uriLengthWebFilter(@Value("${platform.web.max-uri-length}") DataSize limit) {
        return new UriLengthWebFilter(limit);
    }

    @Bean
    LiveConnections liveConnections(@Value("${platform.web.live.max-connections-per-user}") int maxPerUser) {
        return new LiveConnections(maxPerUser);
    }

    @Bean
    QueryTextWebFilter queryTextWebFilter() {
        return new QueryTextWebFilter();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new ProblemWebExceptionHandler();
    }

    /** What the security firewall refuses in a path is a problem document too. */
    @Bean
    ServerExchangeRejectedHandler pathRejections(ProblemWebExceptionHandler problems) {
        return new PathRejections(problems);
    }

    /** After Spring Boot's own JSON codecs (order 0): request bodies are read strictly ({@link RequestJson}). */
    @Bean
    @Order(1)
    CodecCustomizer strictRequestJson(JsonMapper mapper) {
        JacksonJsonDecoder decoder = new JacksonJsonDecoder(RequestJson.strict(mapper));
        return configurer -> configurer.defaultCodecs().jacksonJsonDecoder(decoder);
    }

    /** Every token must expire and name the issuer the platform trusts ({@code platform.security.issuer}). */
    @Bean
    @ConditionalOnMissingBean
    PlatformTokenValidator platformTokenValidator(@Value("${platform.security.issuer}") String issuer) {
        return new PlatformTokenValidator(issuer);
    }

    /**
     * Whichever decoder a front has (Spring Boot's from the configured key, the gateway's development issuer), it
     * verifies a token once and then knows it until its expiry, five minutes at most (ADR 0046).
     */
    @Bean
    static BeanPostProcessor verifiedTokensRemembered() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, Clock.systemUTC(), Duration.ofMinutes(5), 4096);
                }
                return bean;
            }
        };
    }

    @Bean
    FieldTaxonomy fieldTaxonomy() {
        return FieldTaxonomy.standard();
    }

    @Bean
    PilotCities pilotCities() {
        return PilotCities.standard();
    }

    @Bean
    Divisions divisions() {
        return Divisions.standard();
    }

    @Bean
    RouterFunction<ServerResponse> referenceDataRoutes(FieldTaxonomy fields, PilotCities cities,
            Divisions divisions) {
        return new ReferenceDataRoutes(fields, cities, divisions).routes();
    }
}
