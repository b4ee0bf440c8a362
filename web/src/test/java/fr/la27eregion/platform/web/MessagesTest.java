package fr.la27eregion.platform.web;

import fr.la27eregion.journal.chain.ChainProblem;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every label exists in French (the default) and in English, so no reader ever meets a missing key. */
class MessagesTest {

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws Exception {
        Properties french = load("messages.properties");
        Properties english = load("messages_en.properties");
        Set<String> onlyFrench = new TreeSet<>(french.stringPropertyNames());
        onlyFrench.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(french.stringPropertyNames());
        assertThat(onlyFrench).as("keys missing in English").isEmpty();
        assertThat(onlyEnglish).as("keys missing in French").isEmpty();
    }

    @Test
    void noLabelIsEmpty() throws Exception {
        for (String bundle : new String[]{"messages.properties", "messages_en.properties"}) {
            Properties labels = load(bundle);
            assertThat(labels.stringPropertyNames()).as(bundle)
                    .allSatisfy(key -> assertThat(labels.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void theFrenchBundleHasNoEntriesOfItsOwnSoFrenchNeverFallsBackToTheServerLocale() throws Exception {
        assertThat(load("messages_fr.properties")).isEmpty();
    }

    @Test
    void everyWayAVerificationFailsIsSaidInBothLanguagesWithTheSameValues() throws Exception {
        for (String bundle : new String[]{"messages.properties", "messages_en.properties"}) {
            Properties labels = load(bundle);
            for (ChainProblem.Kind kind : ChainProblem.Kind.values()) {
                String pattern = labels.getProperty("integrity.problem." + kind.name());
                assertThat(pattern).as(bundle + ": integrity.problem." + kind).isNotBlank();
                ChainProblem problem = kind.of("«1»", "«2»");
                String said = new java.text.MessageFormat(pattern).format(problem.args().toArray());
                // the page names exactly the values the English sentence names
                for (String value : List.of("«1»", "«2»")) {
                    assertThat(said.contains(value)).as(bundle + ": " + kind + " names " + value)
                            .isEqualTo(problem.english().contains(value));
                }
            }
        }
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/fr/la27eregion/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
