package cn.innovationchina.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import cn.innovationchina.events.Topics;
import cn.innovationchina.platform.messaging.OwnBroadcastsSkipped;

/**
 * The settings every service shares (platform-defaults.properties), added with the lowest precedence so a
 * service's own configuration wins; and for every input binding, its consumer group (the application name) and
 * its dead-letter topic {@code <topic>.<group>.dlq}. A binding whose group is set empty is a broadcast instead: each
 * instance reads every record from the latest on, and a record it cannot take is logged and dropped, since a
 * dead-letter topic shared by throwaway groups would tell nobody anything; its consumer skips the records its own
 * instance sent ({@link OwnBroadcastsSkipped}, the instance named by a random {@code platform.broadcast.origin}). Its
 * records are sent with {@link cn.innovationchina.platform.messaging.Broadcasts}. The input bindings a service names in
 * {@code platform.consumer.unhurried} let the broker gather records before it answers their fetches (ADR 0071); a
 * name there that is no input binding stops the service at start-up.
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
        // One origin for the instance's producer and its broadcast consumers, whoever set it.
        bindings.put(OwnBroadcastsSkipped.ORIGIN,
                environment.getProperty(OwnBroadcastsSkipped.ORIGIN, UUID.randomUUID().toString()));
        String application = environment.getProperty("spring.application.name", "application");
        Set<String> inputs = new HashSet<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Matcher input = INPUT_DESTINATION.matcher(name);
                    if (input.matches() && inputs.add(input.group(1))) {
                        deadLetters(environment, input.group(1), application, bindings);
                    }
                }
            }
        }
        for (String binding : environment.getProperty("platform.consumer.unhurried", String[].class, new String[0])) {
            if (!binding.isBlank()) {
                unhurried(environment, binding.strip(), inputs, bindings);
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("platform-bindings", bindings));
    }

    private static void unhurried(ConfigurableEnvironment environment, String binding, Set<String> inputs,
            Map<String, Object> bindings) {
        if (!inputs.contains(binding)) {
            throw new IllegalStateException("platform.consumer.unhurried names " + binding
                    + ", which is not an input binding of this service (its bindings: " + inputs + ")");
        }
        String configuration = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.configuration.";
        bindings.put(configuration + "fetch.min.bytes",
                environment.getRequiredProperty("platform.consumer.unhurried-fetch.min-bytes"));
        bindings.put(configuration + "fetch.max.wait.ms",
                environment.getRequiredProperty("platform.consumer.unhurried-fetch.max-wait-ms"));
    }

    private static void deadLetters(ConfigurableEnvironment environment, String binding, String application,
            Map<String, Object> bindings) {
        String prefix = "spring.cloud.stream.bindings." + binding;
        String group = environment.getProperty(prefix + ".group", application);
        if (group.isEmpty()) {
            String consumer = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.";
            bindings.put(consumer + "enable-dlq", false);
            bindings.put(consumer + "configuration." + ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
                    OwnBroadcastsSkipped.class.getName());
            bindings.put(consumer + "configuration." + OwnBroadcastsSkipped.ORIGIN,
                    bindings.get(OwnBroadcastsSkipped.ORIGIN));
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
