package cn.innovationchina.platform.testaggregate;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stand-in service for the platform's own tests: one small aggregate, one consumer. Test code only. */
@SpringBootApplication
public class PlatformTestApplication {
}
