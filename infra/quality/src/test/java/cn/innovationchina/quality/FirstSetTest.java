package cn.innovationchina.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.quality.LabelledSet;

/** The first set as the runner reads it, and what it would send of it: within every limit the APIs check. */
class FirstSetTest {

    private static final Path FIRST = Path.of("../..").resolve(EndToEndQuality.SETS.get("first"));

    @Test
    void the_first_set_reads_whole() {
        var set = LabelledSet.readFolder(FIRST);

        assertThat(set.demands()).hasSize(62);
        assertThat(set.providers()).hasSize(305);
        assertThat(set.judgements()).hasSize(553);
    }

    @Test
    void every_request_of_the_first_set_is_within_the_apis_limits() {
        ApiLimits.assertWithin(new ApiRequests(LabelledSet.readFolder(FIRST), LocalDate.now()));
    }
}
