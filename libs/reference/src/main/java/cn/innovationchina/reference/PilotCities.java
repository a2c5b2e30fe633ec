package cn.innovationchina.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pilot-city registry, loaded from {@code reference/pilot-cities.v<version>.json}. A pilot city is a programme
 * code, not a place: each names the division it lies in, and its region is that division's zone.
 */
public final class PilotCities {

    /**
     * The pilot cities' calendar: a day of the platform (a demand's deadline, a docking, a contract, a report's
     * period) is a day in China.
     */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Today in the pilot cities' calendar. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * How two places relate, for ranking and for counting cross-region results: the same division, the same
     * province or economic zone, or neither.
     */
    public enum Relation {
        SAME_CITY,
        SAME_REGION,
        CROSS_REGION
    }

    record File(int version, List<PilotCity> cities) {
    }

    private final int version;
    private final Divisions divisions;
    private final Map<String, PilotCity> cities = new LinkedHashMap<>();

    private PilotCities(File file, Divisions divisions) {
        this.version = file.version();
        this.divisions = divisions;
        for (PilotCity city : file.cities()) {
            var division = divisions.find(city.divisionCode()).orElseThrow(() -> new IllegalStateException(
                    "City " + city.code() + " names unknown division " + city.divisionCode()));
            if (!division.zone().equals(city.region())) {
                throw new IllegalStateException("City " + city.code() + " names region " + city.region()
                        + " but its division lies in " + division.zone());
            }
            cities.put(city.code(), city);
        }
    }

    /** The registry shipped with this build. */
    public static PilotCities standard() {
        return new PilotCities(ReferenceFiles.read("reference/pilot-cities.v1.json", File.class),
                Divisions.standard());
    }

    public int version() {
        return version;
    }

    public Optional<PilotCity> find(String code) {
        return Optional.ofNullable(cities.get(code));
    }

    public Collection<PilotCity> cities() {
        return cities.values();
    }

    /** The regions the pilot cities lie in are the economic zones of {@link Divisions}. */
    public Collection<Region> regions() {
        return divisions.zones();
    }

    /** As {@link Divisions#relation} of the divisions the two cities lie in. */
    public Relation relation(String cityCode, String otherCityCode) {
        if (cityCode.equals(otherCityCode)) {
            return Relation.SAME_CITY;
        }
        var city = find(cityCode);
        var other = find(otherCityCode);
        if (city.isPresent() && other.isPresent()) {
            return divisions.relation(city.get().divisionCode(), other.get().divisionCode());
        }
        return Relation.CROSS_REGION;
    }
}
