package cn.innovationchina.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link RealInfrastructure} before the first test class that needs it and publishes its addresses as
 * system properties, which Spring's environment reads before any test context is built.
 */
public class RealInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RealInfrastructure.get().springProperties().forEach(System::setProperty);
    }
}
