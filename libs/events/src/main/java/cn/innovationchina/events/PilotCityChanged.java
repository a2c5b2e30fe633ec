package cn.innovationchina.events;

import java.util.List;

/** The platform administrator changed a pilot city (names, division, batch, review, administrators): its new state. */
public record PilotCityChanged(
        String cityCode,
        String nameZh,
        String nameEn,
        String divisionCode,
        int batch,
        boolean reviewRequired,
        List<String> administrators) implements PilotCityEvent {
}
