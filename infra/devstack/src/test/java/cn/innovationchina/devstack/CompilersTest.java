package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JIT compilers a stack's JVMs run: the developer's stack starts soon, a harness's stack is measured warm. */
class CompilersTest {

    private static final String QUICK_ONLY = "-XX:TieredStopAtLevel=1";

    @Test
    void every_jvm_of_the_developers_stack_runs_the_quick_compiler_only() {
        var options = CommandLine.parse(new String[] {"."}).options();

        assertThat(jvmOf(options)).contains(QUICK_ONLY);
    }

    @Test
    void every_jvm_of_a_harness_stack_runs_both_compilers_as_in_production(@TempDir Path root) throws Exception {
        var options = DevStack.Options.scratch(root, root.resolve("data"), 18000, Map.of(), true);

        assertThat(jvmOf(options)).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    }

    private static List<String> jvmOf(DevStack.Options options) {
        return new Processes(options.root(), options.data(), options.compilers()).java(256, "-version");
    }
}
