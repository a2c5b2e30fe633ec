package cn.innovationchina.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules every service keeps: domain code is plain Java (no Spring, MongoDB or Kafka), and no service reaches
 * into another service's code; shared code comes only from the libs.
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
