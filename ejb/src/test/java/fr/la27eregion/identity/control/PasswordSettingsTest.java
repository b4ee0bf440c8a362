package fr.la27eregion.identity.control;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production count of PBKDF2 iterations. The tests' server hashes with fewer (TestServer says why), so the
 * count an installation gets by default is checked here, where it is set.
 */
class PasswordSettingsTest {

    @Test
    void productionHashesWithOwaspsCountForPbkdf2HmacSha256() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertThat(in).as("the module's MicroProfile Config defaults").isNotNull();
            defaults.load(in);
        }
        assertThat(Integer.parseInt(defaults.getProperty("identity.password.iterations")))
                .as("identity.password.iterations by default").isGreaterThanOrEqualTo(210_000);
        assertThat(IdentitySettings.class.getDeclaredField("iterations")
                .getAnnotation(org.eclipse.microprofile.config.inject.ConfigProperty.class).defaultValue())
                .as("the default in the code, when the properties file is missing").isEqualTo("210000");
    }
}
