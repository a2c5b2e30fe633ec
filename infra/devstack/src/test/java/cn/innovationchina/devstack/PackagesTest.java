package cn.innovationchina.devstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The launcher starts the demo loader; both read the port table; nothing points back. */
class PackagesTest {

    private static final JavaClasses DEVSTACK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.innovationchina.devstack");

    @Test
    void the_demo_loader_does_not_reach_back_into_the_launcher() {
        noClasses().that().resideInAPackage("cn.innovationchina.devstack.demo..")
                .should().dependOnClassesThat().resideInAPackage("cn.innovationchina.devstack")
                .check(DEVSTACK);
    }

    @Test
    void the_port_table_depends_on_neither_the_launcher_nor_the_demo_loader() {
        noClasses().that().resideInAPackage("cn.innovationchina.devstack.ports..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.innovationchina.devstack",
                        "cn.innovationchina.devstack.demo..")
                .check(DEVSTACK);
    }
}
