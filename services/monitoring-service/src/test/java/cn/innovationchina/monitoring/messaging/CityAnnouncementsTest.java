package cn.innovationchina.monitoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.Eventually;

class CityAnnouncementsTest {

    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final CityAnnouncements announcements = new CityAnnouncements(announced::add, Duration.ofMillis(200));

    @Test
    void a_burst_of_one_citys_facts_is_announced_once_and_each_city_of_the_burst_once() throws InterruptedException {
        for (int fact = 0; fact < 50; fact++) {
            announcements.announce("XIANNING");
        }
        announcements.announce("WUHAN");

        Eventually.awaitState("both cities announced", () -> List.copyOf(announced), list -> list.size() >= 2);
        // Two windows later nothing more has come.
        Thread.sleep(400);
        assertThat(announced).containsExactlyInAnyOrder("XIANNING", "WUHAN");
    }

    @Test
    void a_fact_after_the_announcement_is_announced_again() {
        announcements.announce("XIANNING");
        Eventually.awaitState("the first announcement", () -> List.copyOf(announced), list -> list.size() == 1);

        announcements.announce("XIANNING");

        Eventually.awaitState("the second announcement", () -> List.copyOf(announced), list -> list.size() == 2);
        assertThat(announced).containsExactly("XIANNING", "XIANNING");
    }
}
