package cn.innovationchina.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.quality.LabelledSet;

/** The second set as the runner reads it: places by division code, fields by area or leaf, zones and provinces. */
class SecondSetTest {

    private static final Path SECOND = Path.of("../..").resolve(EndToEndQuality.SETS.get("second"));

    @Test
    void the_second_set_reads_whole() {
        var set = LabelledSet.readFolder(SECOND);

        assertThat(set.demands()).hasSize(53);
        assertThat(set.providers()).hasSize(327);
        assertThat(set.judgements()).hasSize(494);
        assertThat(set.providers()).allSatisfy(p -> assertThat(p.place().isDivision()).isTrue());
    }

    @Test
    void every_request_of_the_second_set_is_within_the_apis_limits() {
        ApiLimits.assertWithin(new ApiRequests(LabelledSet.readFolder(SECOND), LocalDate.now()));
    }
}
