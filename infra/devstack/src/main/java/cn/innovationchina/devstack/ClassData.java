package cn.innovationchina.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its jar extracted to a plain class path, with a class-data-sharing archive of the classes it
 * loads (ADR 0060). From Spring Boot's nested jar every class is read through a class loader of its own, at every
 * start of every process; extracted ({@code java -Djarmode=tools -jar service.jar extract}), the same classes come from
 * plain jars, which the JVM can archive: the first run of a build writes the archive when it stops
 * ({@code -XX:ArchiveClassesAtExit}), and every later start maps it instead of loading, parsing and verifying each
 * class again. Both live in {@code target/class-data}, beside the jar, and are made again after each build. The first
 * run pays only its archive's writing, at its stop: a training start before it would have cost every first start of
 * a build a minute and a half.
 */
final class ClassData {

    private static final String ARCHIVE = "class-data.jsa";
    private static final long EXTRACTION_SECONDS = 120;
    private static final Map<Path, Object> EXTRACTING = new ConcurrentHashMap<>();

    private final Path jar;
    private final Path folder;

    ClassData(Path jar) {
        this.jar = jar;
        this.folder = jar.resolveSibling("class-data");
    }

    /**
     * Extracts this build's jar, unless done already; stacks starting at the same time take turns by a lock file. An
     * extraction that fails leaves the service to start from its jar, only slower.
     */
    void prepare() throws IOException, InterruptedException {
        // The file lock serves stacks in other processes; in this one, a second lock on the file would fail.
        synchronized (EXTRACTING.computeIfAbsent(jar, key -> new Object())) {
            try (var lock = FileChannel.open(jar.resolveSibling("class-data.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); var held = lock.lock()) {
                if (Files.exists(stamp()) && Files.readString(stamp()).equals(build())) {
                    return;
                }
                Folders.delete(folder);
                var extraction = new ProcessBuilder(Processes.javaBinary(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", folder.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(jar.resolveSibling("class-data.log").toFile()))
                        .start();
                if (!extraction.waitFor(EXTRACTION_SECONDS, TimeUnit.SECONDS)) {
                    extraction.destroyForcibly();
                } else if (extraction.exitValue() == 0) {
                    Files.writeString(stamp(), build());
                }
            }
        }
    }

    /**
     * What follows the JVM's own options to start {@code instance}: the extracted jar and its archive, or, where this
     * build has none yet, where to write it when the process stops ({@link #adopt}); the jar itself where it could not
     * be extracted.
     */
    List<String> launch(String instance) {
        if (!Files.exists(stamp())) {
            return List.of("-jar", jar.toString());
        }
        String archiveOption = Files.exists(archive()) ? "-XX:SharedArchiveFile=" + archive()
                : "-XX:ArchiveClassesAtExit=" + folder.resolve(instance + "-" + ProcessHandle.current().pid()
                        + ".jsa.part");
        return List.of(archiveOption, "-jar", extracted().toString());
    }

    /**
     * Takes the archive a process wrote as it stopped, named in its {@code command}, as the build's archive; a
     * process that was killed wrote none, or only part of one, which is left out.
     */
    static void adopt(List<String> command, int exitValue) {
        boolean stoppedPolitely = exitValue == 0 || exitValue == 143;
        command.stream().filter(option -> option.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .map(option -> Path.of(option.substring(option.indexOf('=') + 1))).ifPresent(part -> {
                    try {
                        if (stoppedPolitely && Files.exists(part)) {
                            Files.move(part, part.resolveSibling(ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
                                    StandardCopyOption.REPLACE_EXISTING);
                        } else {
                            Files.deleteIfExists(part);
                        }
                    } catch (IOException e) {
                        DevStack.log("The class archive " + part + " was not kept: " + e.getMessage());
                    }
                });
    }

    /** Which build of the jar the folder was extracted from. */
    private String build() throws IOException {
        return Files.size(jar) + " bytes, built " + Files.getLastModifiedTime(jar);
    }

    private Path stamp() {
        return folder.resolve("extracted-from");
    }

    private Path extracted() {
        return folder.resolve(jar.getFileName());
    }

    private Path archive() {
        return folder.resolve(ARCHIVE);
    }
}
