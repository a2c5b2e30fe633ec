package cn.innovationchina.testkit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Imported wherever a test asks for a {@code WebTestClient} ({@code @AutoConfigureWebTestClient}, so every
 * {@link ServiceTest}): its answers are read whole ({@link AnswersReadWhole}).
 */
@AutoConfiguration
public class TestClientConfiguration {

    @Bean
    WebTestClientBuilderCustomizer answersReadWhole() {
        return builder -> builder.clientConnector(new AnswersReadWhole());
    }
}
