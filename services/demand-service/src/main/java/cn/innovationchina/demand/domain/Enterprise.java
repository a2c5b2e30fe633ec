package cn.innovationchina.demand.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.PilotCities;

/**
 * An organisation that posts demands. Its id is the organisation id its users' tokens carry, so every user of
 * one enterprise shares its demands. {@code cityCode}: its pilot city; {@code divisionCode}: where it is (GB/T
 * 2260, any division of China), absent only for an enterprise registered before enterprises named it.
 */
public record Enterprise(String id, String name, CreditCode creditCode, String cityCode,
        @Nullable String divisionCode, String industry, EnterpriseSize size, Instant registeredAt) {

    /** Without a division of its own, an enterprise lies in its pilot city's. */
    public static Enterprise register(String organisationId, String name, CreditCode creditCode, String cityCode,
            @Nullable String divisionCode, String industry, EnterpriseSize size, PilotCities cities,
            Divisions divisions, Instant now) {
        var city = cities.find(cityCode).orElseThrow(() -> new InvalidInput("cityCode", "is not a pilot city"));
        String division = divisionCode == null || divisionCode.isBlank() ? city.divisionCode() : divisionCode.strip();
        if (divisions.find(division).isEmpty()) {
            throw new InvalidInput("divisionCode", "is not a division of China (a GB/T 2260 code such as 430100): "
                    + division);
        }
        return new Enterprise(organisationId, name, creditCode, cityCode, division, industry, size, now);
    }

    /** What events say about the enterprise behind a demand: no contact data. */
    public EnterpriseRef ref() {
        return new EnterpriseRef(id, name, creditCode.value(), divisionCode);
    }
}
