package cn.innovationchina.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pilot-city registry and its regions, loaded from {@code reference/pilot-cities.v<version>.json}. */
public final class PilotCities {

    /** How two places relate, for ranking and for counting cross-region results. */
    public enum Relation {
        SAME_CITY,
        SAME_REGION,
        CROSS_REGION
    }

    record File(int version, List<Region> regions, List<PilotCity> cities) {
    }

    private final int version;
    private final Map<String, PilotCity> cities = new LinkedHashMap<>();
    private final Map<String, Region> regions = new LinkedHashMap<>();

    private PilotCities(File file) {
        this.version = file.version();
        file.regions().forEach(region -> regions.put(region.code(), region));
        for (PilotCity city : file.cities()) {
            if (!regions.containsKey(city.region())) {
                throw new IllegalStateException("City " + city.code() + " names unknown region " + city.region());
            }
            cities.put(city.code(), city);
        }
    }

    /** The registry shipped with this build. */
    public static PilotCities standard() {
        return new PilotCities(ReferenceFiles.read("reference/pilot-cities.v1.json", File.class));
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

    public Collection<Region> regions() {
        return regions.values();
    }

    public Relation relation(String cityCode, String otherCityCode) {
        if (cityCode.equals(otherCityCode)) {
            return Relation.SAME_CITY;
        }
        var city = find(cityCode);
        var other = find(otherCityCode);
        if (city.isPresent() && other.isPresent() && city.get().region().equals(other.get().region())) {
            return Relation.SAME_REGION;
        }
        return Relation.CROSS_REGION;
    }
}
