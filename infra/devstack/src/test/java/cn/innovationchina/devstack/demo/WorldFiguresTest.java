package cn.innovationchina.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.devstack.demo.WorldFigures.Figure;

class WorldFiguresTest {

    @Test
    void the_load_ends_with_a_row_per_pilot_city_the_totals_and_what_the_table_does_not_show() {
        var figures = new WorldFigures();
        figures.addCity("WUHAN");
        figures.addCity("XIANNING");
        var wuhan = figures.city("WUHAN");
        wuhan.add(Figure.PROVIDERS, 3);
        wuhan.add(Figure.DEMANDS, 2);
        wuhan.add(Figure.PUBLISHED, 2);
        wuhan.add(Figure.PROPOSALS, 10);
        wuhan.count(Figure.INVITATIONS);
        wuhan.count(Figure.ACCEPTANCES);
        wuhan.count(Figure.DOCKINGS);
        wuhan.count(Figure.CONTRACTS);
        wuhan.add(Figure.CONTRACT_VALUE_CNY, 1_200_000);
        figures.city("XIANNING").count(Figure.DEMANDS);
        figures.city("XIANNING").count(Figure.AWAITING_REVIEW);
        figures.contactsReleased = 1;

        assertThat(figures.summary()).isEqualTo("""

                  What this load added, per pilot city:
                  CITY       PROVIDERS DEMANDS PUBLISHED REJECTED PROPOSALS INVITATIONS ACCEPTANCES DOCKINGS \
                CONTRACTS      VALUE (CNY)
                  WUHAN              3       2         2        0        10           1           1        1 \
                        1        1,200,000
                  XIANNING           0       1         0        0         0           0           0        0 \
                        0                0
                  TOTAL              3       3         2        0        10           1           1        1 \
                        1        1,200,000
                """);
        assertThat(figures.beyondTheTable()).isEqualTo("1 demands await their city's review, 0 invitations were "
                + "declined; 1 of 1 acceptances showed the enterprise the provider's contact data; 0 demands got no "
                + "list in time");
    }
}
