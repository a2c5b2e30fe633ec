package cn.innovationchina.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The divisions of China (GB/T 2260), loaded from {@code reference/divisions.v<version>.json}, which
 * {@code libs/reference/refresh-divisions.mjs} regenerates from the registry package named in {@link #source()}.
 */
public final class Divisions {

    /** The package the divisions were taken from, and how to take them again. */
    public record Source(String name, String version, String licence, String pinyin, String refresh) {
    }

    record File(int version, String standard, Source source, List<Region> zones, List<Division> divisions) {
    }

    private final int version;
    private final Source source;
    private final Map<String, Region> zones = new LinkedHashMap<>();
    private final Map<String, Division> divisions = new LinkedHashMap<>();
    private final Map<String, Province> provinces = new LinkedHashMap<>();

    private Divisions(File file) {
        this.version = file.version();
        this.source = file.source();
        file.zones().forEach(zone -> zones.put(zone.code(), zone));
        for (Division division : file.divisions()) {
            if (!zones.containsKey(division.zone())) {
                throw new IllegalStateException("Division " + division.code() + " names unknown zone " + division.zone());
            }
            divisions.put(division.code(), division);
            provinces.putIfAbsent(division.provinceCode(), new Province(division.provinceCode(), division.provinceZh(),
                    division.provinceEn(), division.zone()));
        }
    }

    /** The divisions shipped with this build. */
    public static Divisions standard() {
        return new Divisions(ReferenceFiles.read("reference/divisions.v1.json", File.class));
    }

    public int version() {
        return version;
    }

    public Source source() {
        return source;
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(divisions.get(code));
    }

    public Collection<Division> all() {
        return divisions.values();
    }

    public Collection<Province> provinces() {
        return provinces.values();
    }

    public Optional<Province> findProvince(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    public Collection<Region> zones() {
        return zones.values();
    }

    public Optional<Region> findZone(String code) {
        return Optional.ofNullable(zones.get(code));
    }

    /** What a provider may name among the areas it serves: a zone code or a 6-digit province code. */
    public boolean isArea(String code) {
        return zones.containsKey(code) || provinces.containsKey(code);
    }

    /** Whether the division lies in the area (a zone code or a province code). */
    public boolean liesIn(String divisionCode, String areaCode) {
        return find(divisionCode)
                .map(division -> division.zone().equals(areaCode) || division.provinceCode().equals(areaCode))
                .orElse(false);
    }

    /** Same division; else same province or same zone; else across regions (an unknown code is never near). */
    public PilotCities.Relation relation(String divisionCode, String otherDivisionCode) {
        var division = find(divisionCode);
        var other = find(otherDivisionCode);
        if (division.isEmpty() || other.isEmpty()) {
            return PilotCities.Relation.CROSS_REGION;
        }
        if (divisionCode.equals(otherDivisionCode)) {
            return PilotCities.Relation.SAME_CITY;
        }
        if (division.get().provinceCode().equals(other.get().provinceCode())
                || division.get().zone().equals(other.get().zone())) {
            return PilotCities.Relation.SAME_REGION;
        }
        return PilotCities.Relation.CROSS_REGION;
    }
}
