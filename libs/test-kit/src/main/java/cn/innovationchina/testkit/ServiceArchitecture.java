package cn.innovationchina.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules every service keeps (docs/architecture.md, ADR 0040): the layers depend one way, web and messaging on
 * application, application on persistence, all of them on domain; domain code is plain Java (no Spring, MongoDB or
 * Kafka); and no service reaches into another service's code, shared code comes only from the libs.
 */
public final class ServiceArchitecture {

    private static final String ROOT = "cn.innovationchina";

    private ServiceArchitecture() {
    }

    /** Checks the rules on the production classes under {@code servicePackage}, e.g. cn.innovationchina.demand. */
    public static void verify(String servicePackage) {
        verify(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage), servicePackage);
    }

    static void verify(JavaClasses classes, String servicePackage) {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy(servicePackage + ".web..")
                .layer("messaging").definedBy(servicePackage + ".messaging..")
                .layer("application").definedBy(servicePackage + ".application..")
                .layer("persistence").definedBy(servicePackage + ".persistence..")
                .layer("domain").definedBy(servicePackage + ".domain..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("application")
                .withOptionalLayers(true)
                .because("the layers depend one way: web and messaging -> application -> persistence -> domain")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "reactor..", "tools.jackson..", "com.fasterxml..")
                .because("domain code is plain Java, testable without infrastructure")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "belong to another service",
                        type -> type.getPackageName().startsWith(ROOT + ".")
                                && !type.getPackageName().startsWith(servicePackage)
                                && !isSharedLibrary(type.getPackageName())))
                .because("services talk through events, never through each other's code")
                .check(classes);
    }

    private static boolean isSharedLibrary(String packageName) {
        return packageName.startsWith(ROOT + ".events") || packageName.startsWith(ROOT + ".platform")
                || packageName.startsWith(ROOT + ".reference");
    }
}
