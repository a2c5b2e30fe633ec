package cn.innovationchina.demand.application;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import cn.innovationchina.demand.domain.PilotCity;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Flux;

/**
 * The pilot cities of the reference file are the first entries of the list: designated at start-up, before the
 * service answers anyone, each only if it is not on the list yet. A restart, or a second instance starting at the
 * same time, adds nothing twice (the city code is the document's {@code _id}); a city the platform administrator
 * has changed keeps its changes.
 */
@Component
class PilotCitySeed implements InitializingBean {

    private final PilotCityList list;
    private final PilotCities reference;

    PilotCitySeed(PilotCityList list, PilotCities reference) {
        this.list = list;
        this.reference = reference;
    }

    @Override
    public void afterPropertiesSet() {
        Flux.fromIterable(reference.cities())
                .concatMap(city -> list.seed(city.code(), new PilotCity.Terms(city.nameZh(), city.nameEn(),
                        city.divisionCode(), city.batch(), city.reviewRequired(), List.of())))
                .then().block(Duration.ofSeconds(30));
    }
}
