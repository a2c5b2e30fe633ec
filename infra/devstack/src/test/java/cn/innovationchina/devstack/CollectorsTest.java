package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a stack's JVMs collect: the in-memory stand-in holds the platform's data, every other JVM a small heap. */
class CollectorsTest {

    @Test
    void an_in_memory_stand_in_collects_with_bounded_pauses_and_every_service_serially(@TempDir Path root)
            throws Exception {
        var options = DevStack.Options.scratch(root, root.resolve("data"), 18000, Map.of(), true);
        var processes = new Processes(options.root(), options.data(), options.compilers());

        assertThat(processes.java(8192, options.standInCollector(), "-version"))
                .contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
        assertThat(processes.java(384, "-version")).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseG1GC");
    }

    @Test
    void the_stand_in_keeping_its_data_on_disk_collects_serially() {
        var options = DevStack.Options.standard(Path.of("."));

        assertThat(options.standInCollector()).isEqualTo(Processes.Collector.SERIAL);
    }
}
