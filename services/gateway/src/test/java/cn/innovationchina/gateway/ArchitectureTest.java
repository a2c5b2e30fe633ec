package cn.innovationchina.gateway;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void the_layers_depend_one_way_the_domain_is_plain_java_and_no_other_services_code_is_used() {
        ServiceArchitecture.verify("cn.innovationchina.gateway");
    }
}
