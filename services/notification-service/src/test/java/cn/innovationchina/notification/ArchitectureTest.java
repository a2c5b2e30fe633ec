package cn.innovationchina.notification;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void the_domain_is_plain_java_and_the_service_uses_no_other_services_code() {
        ServiceArchitecture.verify("cn.innovationchina.notification");
    }
}
