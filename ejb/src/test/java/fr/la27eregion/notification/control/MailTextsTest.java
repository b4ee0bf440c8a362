package fr.la27eregion.notification.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail texts: both languages have every message, and each renders with its arguments. */
class MailTextsTest {

    private static final List<String> ARGUMENTS = List.of("Région test", "un motif", "24/11/2027",
            "https://plateforme.example/app");

    @Test
    void frenchAndEnglishHaveTheSameMessages() throws IOException {
        assertThat(keys("mail_en.properties")).isEqualTo(keys("mail.properties"));
    }

    @Test
    void everyMessageRendersInBothLanguages() throws IOException {
        for (Object key : keys("mail.properties")) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                String text = Notifications.text((String) key, locale, ARGUMENTS);
                assertThat(text).as(key + " " + locale).doesNotContain("{0}").doesNotContain("{1}")
                        .doesNotContain("''");
            }
        }
    }

    @Test
    void thePasswordResetMailCarriesTheLinkAndItsEnd() {
        List<String> arguments = List.of("marie.dupont", "https://plateforme.example/reset-password.xhtml?token=abc",
                "26/11/2026 21:38");
        assertThat(Notifications.text("account.reset.subject", Locale.FRENCH, arguments))
                .isEqualTo("Choisir un nouveau mot de passe pour la plateforme de La 27e Région");
        assertThat(Notifications.text("account.reset.body", Locale.FRENCH, arguments))
                .contains("compte marie.dupont").contains("\n\nhttps://plateforme.example/reset-password.xhtml?token=abc\n")
                .contains("jusqu'au 26/11/2026 21:38 (heure de Paris)");
        assertThat(Notifications.text("account.reset.subject", Locale.ENGLISH, arguments))
                .isEqualTo("Choose a new password for La 27e Région's platform");
        assertThat(Notifications.text("account.reset.body", Locale.ENGLISH, arguments))
                .contains("account marie.dupont").contains("until 26/11/2026 21:38 (Paris time)");
    }

    private static java.util.Set<Object> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailTextsTest.class.getResourceAsStream("/fr/la27eregion/notification/" + file)) {
            properties.load(in);
        }
        return new java.util.TreeSet<>(properties.keySet());
    }
}
