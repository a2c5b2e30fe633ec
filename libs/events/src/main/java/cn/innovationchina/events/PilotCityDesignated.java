package cn.innovationchina.events;

import java.util.List;

/** A new pilot city: from now on enterprises register in it, its demands are reviewed by its rule, it is ranked. */
public record PilotCityDesignated(
        String cityCode,
        String nameZh,
        String nameEn,
        String divisionCode,
        int batch,
        boolean reviewRequired,
        List<String> administrators) implements PilotCityEvent {
}
