package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataTest {

    @TempDir
    Path target;

    @Test
    void a_jar_not_extracted_yet_starts_as_it_is() throws Exception {
        Path jar = Files.writeString(target.resolve("demand-service.jar"), "not a Spring Boot jar");

        assertThat(new ClassData(jar).launch("demand-service")).containsExactly("-jar", jar.toString());
    }

    @Test
    void the_archive_a_politely_stopped_first_run_wrote_is_kept_and_a_killed_runs_dropped() throws Exception {
        Path folder = Files.createDirectories(target.resolve("class-data"));
        Path written = Files.writeString(folder.resolve("demand-service-1.jsa.part"), "archive");
        Path torn = Files.writeString(folder.resolve("demand-service-2-2.jsa.part"), "arch");

        ClassData.adopt(List.of("java", "-XX:ArchiveClassesAtExit=" + written, "-jar", "x.jar"), 143);
        ClassData.adopt(List.of("java", "-XX:ArchiveClassesAtExit=" + torn, "-jar", "x.jar"), 137);

        assertThat(folder.resolve("class-data.jsa")).hasContent("archive");
        assertThat(written).doesNotExist();
        assertThat(torn).doesNotExist();
    }

    @Test
    void a_process_that_wrote_no_archive_leaves_nothing_behind() throws Exception {
        ClassData.adopt(List.of("java", "-XX:SharedArchiveFile=" + target.resolve("class-data.jsa"), "-jar", "x.jar"),
                143);

        assertThat(target).isEmptyDirectory();
    }
}
