package cn.innovationchina.demand.scenarios;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.innovationchina.testkit.TestClock;

/** Replaces the platform's system clock (it steps aside for any Clock bean). */
@Configuration
class TestClockConfiguration {

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
