package cn.innovationchina.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

class ServiceArchitectureTest {

    private static final String FIXTURES = "cn.innovationchina.archfixture";

    @Test
    void a_service_whose_layers_depend_one_way_with_plain_domain_code_and_only_shared_dependencies_passes() {
        assertThatCode(() -> verify("clean")).doesNotThrowAnyException();
    }

    @Test
    void a_domain_class_that_uses_spring_is_refused() {
        assertThatThrownBy(() -> verify("springy")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("domain code is plain Java");
    }

    @Test
    void a_controller_that_reads_the_store_past_the_application_layer_is_refused() {
        assertThatThrownBy(() -> verify("shortcut")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the layers depend one way")
                .hasMessageContaining("archfixture.shortcut.web.LampController")
                .hasMessageContaining("archfixture.shortcut.persistence.LampDocuments");
    }

    @Test
    void a_store_that_uses_a_type_of_the_application_layer_is_refused() {
        assertThatThrownBy(() -> verify("upward")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the layers depend one way")
                .hasMessageContaining("archfixture.upward.persistence.LampDocuments")
                .hasMessageContaining("archfixture.upward.application.LampSearch");
    }

    @Test
    void a_service_that_uses_another_services_code_is_refused() {
        assertThatThrownBy(() -> verify("nosy")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("services talk through events");
    }

    private static void verify(String service) {
        String servicePackage = FIXTURES + "." + service;
        ServiceArchitecture.verify(new ClassFileImporter().importPackages(FIXTURES), servicePackage);
    }
}
