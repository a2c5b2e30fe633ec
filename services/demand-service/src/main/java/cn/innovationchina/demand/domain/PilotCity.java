package cn.innovationchina.demand.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import cn.innovationchina.events.PilotCityChanged;
import cn.innovationchina.events.PilotCityDesignated;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.Divisions;

/**
 * A pilot city (or park) of Innovation China, as the platform administrator keeps it. Its code is the programme's
 * (XIANNING) and never changes; it lies in a division of China (GB/T 2260), was designated in a batch, reviews its
 * enterprises' demands before publication or not, and names its city administrators by their user names (the
 * subjects of their tokens).
 *
 * <p>{@code version} is the stored version this state was read at, the guard of the next write.
 */
public record PilotCity(String code, String nameZh, String nameEn, String divisionCode, int batch,
        boolean reviewRequired, List<String> administrators, PilotCityStatus status, long version) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int MAX_NAME = 100;
    private static final int MAX_ADMINISTRATORS = 50;

    public PilotCity {
        administrators = List.copyOf(administrators);
    }

    /** What the platform administrator says about a city; names and user names are taken without outer blanks. */
    public record Terms(String nameZh, String nameEn, String divisionCode, int batch, boolean reviewRequired,
            List<String> administrators) {
    }

    /** A new pilot city, announced with everything a consumer needs to know of it. */
    public static Decision<PilotCity> designate(String code, Terms terms, Divisions divisions) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInput("code", "must be 2 to 40 capital letters, digits or _, starting with a letter, "
                    + "like XIANNING");
        }
        var city = of(code, terms, divisions, 0);
        return Decision.of(city, new PilotCityDesignated(city.code, city.nameZh, city.nameEn, city.divisionCode,
                city.batch, city.reviewRequired, city.administrators));
    }

    /** The whole new terms; a change that changes nothing is stored without an event. */
    public Decision<PilotCity> change(Terms terms, Divisions divisions) {
        var changed = of(code, terms, divisions, version);
        if (changed.equals(this)) {
            return Decision.of(this);
        }
        return Decision.of(changed, new PilotCityChanged(code, changed.nameZh, changed.nameEn,
                changed.divisionCode, changed.batch, changed.reviewRequired, changed.administrators));
    }

    public boolean isAdministeredBy(String userName) {
        return administrators.contains(userName);
    }

    /** The same state as stored at {@code storedVersion}. */
    public PilotCity atVersion(long storedVersion) {
        return new PilotCity(code, nameZh, nameEn, divisionCode, batch, reviewRequired, administrators, status,
                storedVersion);
    }

    private static PilotCity of(String code, Terms terms, Divisions divisions, long version) {
        String nameZh = name("nameZh", terms.nameZh());
        String nameEn = name("nameEn", terms.nameEn());
        if (terms.divisionCode() == null || divisions.find(terms.divisionCode()).isEmpty()) {
            throw new InvalidInput("divisionCode", "is not a division of China (a GB/T 2260 code like 421200)");
        }
        if (terms.batch() < 1) {
            throw new InvalidInput("batch", "must be 1 or more: the programme batch that designated the city");
        }
        return new PilotCity(code, nameZh, nameEn, terms.divisionCode(), terms.batch(), terms.reviewRequired(),
                administrators(terms.administrators()), PilotCityStatus.ACTIVE, version);
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        if (value.strip().length() > MAX_NAME) {
            throw new InvalidInput(field, "must be at most " + MAX_NAME + " characters");
        }
        return value.strip();
    }

    /** Each user name once, in the order given. */
    private static List<String> administrators(List<String> userNames) {
        if (userNames == null) {
            return List.of();
        }
        var distinct = new LinkedHashSet<String>();
        for (String userName : userNames) {
            if (userName == null || userName.isBlank() || userName.strip().length() > MAX_NAME) {
                throw new InvalidInput("administrators", "each is a user name of 1 to " + MAX_NAME + " characters");
            }
            distinct.add(userName.strip());
        }
        if (distinct.size() > MAX_ADMINISTRATORS) {
            throw new InvalidInput("administrators", "at most " + MAX_ADMINISTRATORS + " per city");
        }
        return List.copyOf(distinct);
    }
}
