package cn.innovationchina.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import cn.innovationchina.events.Topics;

/**
 * The settings every service shares (platform-defaults.properties), added with the lowest precedence so a
 * service's own configuration wins; and for every input binding, its consumer group (the application name) and
 * its dead-letter topic {@code <topic>.<group>.dlq}. A binding whose group is set empty is a broadcast instead: each
 * instance reads every record from the latest on, and a record it cannot take is logged and dropped, since a
 * dead-letter topic shared by throwaway groups would tell nobody anything. Its records are sent with
 * {@link cn.innovationchina.platform.messaging.Broadcasts}.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    private static final Pattern INPUT_DESTINATION =
            Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+-in-\\d+)\\.destination");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication springApplication) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("platform-defaults", new ClassPathResource("platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> bindings = new LinkedHashMap<>();
        String application = environment.getProperty("spring.application.name", "application");
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Matcher input = INPUT_DESTINATION.matcher(name);
                    if (input.matches()) {
                        deadLetters(environment, input.group(1), application, bindings);
                    }
                }
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("platform-bindings", bindings));
    }

    private static void deadLetters(ConfigurableEnvironment environment, String binding, String application,
            Map<String, Object> bindings) {
        String prefix = "spring.cloud.stream.bindings." + binding;
        String group = environment.getProperty(prefix + ".group", application);
        if (group.isEmpty()) {
            bindings.put("spring.cloud.stream.kafka.bindings." + binding + ".consumer.enable-dlq", false);
            return;
        }
        bindings.put(prefix + ".group", group);
        bindings.put("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name",
                Topics.deadLetters(environment.getProperty(prefix + ".destination"), group));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
