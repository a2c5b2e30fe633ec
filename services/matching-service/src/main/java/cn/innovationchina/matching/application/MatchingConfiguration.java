package cn.innovationchina.matching.application;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.domain.RankingWeights;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

@Configuration
class MatchingConfiguration {

    /** Weights from {@code matching.ranking}; any left out keep their documented default. */
    @Bean
    Ranking ranking(FieldTaxonomy fields, PilotCities cities, Divisions divisions, Environment environment) {
        var weights = Binder.get(environment).bind("matching.ranking", RankingWeights.class)
                .orElse(RankingWeights.standard());
        return new Ranking(fields, cities, divisions, weights);
    }

    @Bean(destroyMethod = "close")
    ProviderIndex providerIndex(FieldTaxonomy fields) {
        return new ProviderIndex(fields);
    }

    @Bean(destroyMethod = "close")
    OpenDemandIndex openDemandIndex(FieldTaxonomy fields, ProviderIndex providers) {
        return new OpenDemandIndex(fields, providers);
    }

    @Bean
    Supplier<String> matchIds() {
        return () -> UUID.randomUUID().toString();
    }
}
