package cn.innovationchina.monitoring.domain;

import cn.innovationchina.events.PilotCityEvent;

/**
 * A pilot city as monitoring knows it: from demand-service's PilotCityDesignated and PilotCityChanged events, never
 * from a file, so a city designated a minute ago has its report and its place in the ranking at once.
 */
public record PilotCity(String code, String nameZh, String nameEn, String divisionCode, int batch,
        boolean reviewRequired) {

    public static PilotCity of(PilotCityEvent event) {
        return new PilotCity(event.cityCode(), event.nameZh(), event.nameEn(), event.divisionCode(), event.batch(),
                event.reviewRequired());
    }
}
