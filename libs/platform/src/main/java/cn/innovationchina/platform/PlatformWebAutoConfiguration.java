package cn.innovationchina.platform;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.platform.web.BodySizeWebFilter;
import cn.innovationchina.platform.web.CorrelationWebFilter;
import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import cn.innovationchina.platform.web.ReferenceDataRoutes;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

/**
 * The web pieces every HTTP front of the platform shares, the gateway as well as the services: problem documents,
 * correlation ids, the body limit, the reference data and the clock. Nothing here needs MongoDB or Kafka.
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
    ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new ProblemWebExceptionHandler();
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
