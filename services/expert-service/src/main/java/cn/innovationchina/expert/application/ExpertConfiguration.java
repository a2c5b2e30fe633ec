package cn.innovationchina.expert.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.innovationchina.expert.domain.ProfileRules;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

@Configuration(proxyBeanMethods = false)
class ExpertConfiguration {

    @Bean
    ProfileRules profileRules(FieldTaxonomy fields, PilotCities cities, Divisions divisions) {
        return new ProfileRules(fields, cities, divisions);
    }
}
