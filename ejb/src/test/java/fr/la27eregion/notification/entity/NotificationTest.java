package fr.la27eregion.notification.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest {

    private static final String NAME = "Région Bretagne";
    private static final String LINK = "https://reseau.example.fr/app/membership/organisation.xhtml?id=12";

    @Test
    void shortArgumentsAreKeptAsGiven() {
        Notification notification = new Notification(12, Instant.EPOCH, "membership.suspend",
                Arrays.asList(NAME, "Cotisation \"impayée\"\n2026", null, LINK));
        assertThat(notification.getArguments()).containsExactly(NAME, "Cotisation \"impayée\"\n2026", "", LINK);
    }

    @Test
    void aMotivationOfTheLongestAllowedIsShortenedToFitAndTheOtherArgumentsAreKept() {
        String reason = "é".repeat(1990);
        String stored = Notification.stored(List.of(NAME, reason, "31/03/2027", LINK));
        assertThat(stored.length()).isLessThanOrEqualTo(Notification.MAX_ARGUMENTS);
        List<String> arguments = new Notification(12, Instant.EPOCH, "membership.suspend",
                List.of(NAME, reason, "31/03/2027", LINK)).getArguments();
        assertThat(arguments.get(0)).isEqualTo(NAME);
        assertThat(arguments.get(1)).endsWith("…").hasSizeLessThan(reason.length());
        assertThat(reason).startsWith(arguments.get(1).substring(0, arguments.get(1).length() - 1));
        assertThat(arguments.subList(2, 4)).containsExactly("31/03/2027", LINK);
    }

    @Test
    void escapedCharactersAndSurrogatePairsAreCutCleanly() {
        String quotes = "\"\\".repeat(1000);
        assertThat(Notification.stored(List.of(NAME, quotes)).length()).isLessThanOrEqualTo(Notification.MAX_ARGUMENTS);
        String emoji = "🇫🇷".repeat(600);
        String stored = Notification.stored(List.of(NAME, emoji));
        assertThat(stored.length()).isLessThanOrEqualTo(Notification.MAX_ARGUMENTS);
        String kept = new Notification(1, Instant.EPOCH, "k", List.of(NAME, emoji)).getArguments().get(1);
        assertThat(kept.codePoints().filter(point -> Character.getType(point) == Character.SURROGATE))
                .as("no half of a pair").isEmpty();
    }
}
