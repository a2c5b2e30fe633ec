package cn.innovationchina.gateway;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void the_domain_is_plain_java_and_the_gateway_uses_no_services_code() {
        ServiceArchitecture.verify("cn.innovationchina.gateway");
    }
}
