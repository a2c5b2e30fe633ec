package cn.innovationchina.devstack.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/** What one load of the demo world did, per pilot city and in total: the table it ends with. */
final class WorldFigures {

    /** What the load counts in a city; those with a column are in the table, the others in the line after it. */
    enum Figure {
        PROVIDERS("PROVIDERS", 9), DEMANDS("DEMANDS", 7), PUBLISHED("PUBLISHED", 9), REJECTED("REJECTED", 8),
        AWAITING_REVIEW(null, 0), PROPOSALS("PROPOSALS", 9), INVITATIONS("INVITATIONS", 11),
        ACCEPTANCES("ACCEPTANCES", 11), DECLINES(null, 0), DOCKINGS("DOCKINGS", 8), CONTRACTS("CONTRACTS", 9),
        CONTRACT_VALUE_CNY("VALUE (CNY)", 16);

        private final @Nullable String column;
        private final int width;

        Figure(@Nullable String column, int width) {
            this.column = column;
            this.width = width;
        }

        private String cell(long value) {
            return (this == CONTRACT_VALUE_CNY ? " %," + width + "d" : " %" + width + "d").formatted(value);
        }
    }

    /** What this load did in one city. */
    static final class CityFigures {

        private final long[] counts = new long[Figure.values().length];

        void count(Figure figure) {
            add(figure, 1);
        }

        void add(Figure figure, long amount) {
            counts[figure.ordinal()] += amount;
        }

        long get(Figure figure) {
            return counts[figure.ordinal()];
        }
    }

    private final Map<String, CityFigures> cities = new TreeMap<>();
    int contactsReleased;
    int withoutMatches;

    void addCity(String code) {
        cities.put(code, new CityFigures());
    }

    CityFigures city(String code) {
        return cities.get(code);
    }

    long total(Figure figure) {
        return cities.values().stream().mapToLong(city -> city.get(figure)).sum();
    }

    /** The table per pilot city, and the totals. */
    String summary() {
        var table = new StringBuilder("\n  What this load added, per pilot city:\n  %-10s".formatted("CITY"));
        for (Figure figure : Figure.values()) {
            if (figure.column != null) {
                table.append((" %" + figure.width + "s").formatted(figure.column));
            }
        }
        table.append('\n');
        cities.forEach((code, city) -> table.append(row(code, city::get)));
        return table.append(row("TOTAL", this::total)).toString();
    }

    /** The line after the table: what the table does not show. */
    String beyondTheTable() {
        return ("%d demands await their city's review, %d invitations were declined; %d of %d acceptances showed the "
                + "enterprise the provider's contact data; %d demands got no list in time").formatted(
                        total(Figure.AWAITING_REVIEW), total(Figure.DECLINES), contactsReleased,
                        total(Figure.ACCEPTANCES), withoutMatches);
    }

    private static String row(String name, ToLongFunction<Figure> value) {
        var row = new StringBuilder("  %-10s".formatted(name));
        for (Figure figure : Figure.values()) {
            if (figure.column != null) {
                row.append(figure.cell(value.applyAsLong(figure)));
            }
        }
        return row.append('\n').toString();
    }
}
