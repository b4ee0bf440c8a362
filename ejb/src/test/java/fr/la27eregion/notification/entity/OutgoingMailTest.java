package fr.la27eregion.notification.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's rules: the delay after each failure, what a sent mail keeps, and mail holding a secret. */
class OutgoingMailTest {

    private static final Instant QUEUED = Instant.parse("2026-11-25T20:38:17Z");

    private static OutgoingMail mail() {
        return new OutgoingMail("marie.dupont@region.example", "Candidature reçue : Région test",
                "Bonjour,\n\nLa candidature…", QUEUED);
    }

    @Test
    void aNewMailIsDueAtOnce() {
        OutgoingMail mail = mail();
        assertThat(mail.getNextAttemptAt()).isEqualTo(QUEUED);
        assertThat(mail.getAttempts()).isZero();
        assertThat(mail.worthSending(QUEUED)).isTrue();
    }

    @Test
    void eachFailureDoublesTheDelayUpToAbout17Hours() {
        OutgoingMail mail = mail();
        List<Long> delays = new ArrayList<>();
        Instant now = QUEUED;
        for (int i = 0; i < 14; i++) {
            mail.failed(now, "Connection refused");
            delays.add(Duration.between(now, mail.getNextAttemptAt()).toMinutes());
            now = mail.getNextAttemptAt();
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 1024L, 1024L,
                1024L);
        assertThat(mail.getAttempts()).isEqualTo(14);
        assertThat(mail.getLastError()).isEqualTo("Connection refused");
        assertThat(mail.getSentAt()).as("still to send").isNull();
        assertThat(mail.worthSending(now)).isTrue();
    }

    @Test
    void aSentMailKeepsItsTextAndForgetsItsLastError() {
        OutgoingMail mail = mail();
        mail.failed(QUEUED, "Connection refused");
        Instant sent = QUEUED.plusSeconds(90);
        mail.sent(sent);
        assertThat(mail.getSentAt()).isEqualTo(sent);
        assertThat(mail.getAttempts()).isEqualTo(2);
        assertThat(mail.getLastError()).isNull();
        assertThat(mail.getBody()).startsWith("Bonjour");
        assertThat(mail.worthSending(sent)).as("sent once").isFalse();
    }

    @Test
    void aMailHoldingASecretIsErasedOnceSentAndNotSentOnceExpired() {
        Instant until = QUEUED.plus(Duration.ofHours(24));
        OutgoingMail sent = mail().holdingSecretUntil(until);
        sent.sent(QUEUED.plusSeconds(2));
        assertThat(sent.getBody()).isEqualTo(OutgoingMail.ERASED);

        OutgoingMail late = mail().holdingSecretUntil(until);
        late.failed(QUEUED, "Connection refused");
        assertThat(late.worthSending(until.minusSeconds(1))).isTrue();
        assertThat(late.worthSending(until)).isFalse();
    }

    @Test
    void oversizeSubjectsAndErrorsAreCut() {
        OutgoingMail mail = new OutgoingMail("a@b.example", "s".repeat(400), "body", QUEUED);
        mail.failed(QUEUED, "e".repeat(5000));
        assertThat(mail.getSubject()).hasSize(300);
        assertThat(mail.getLastError()).hasSize(1000);
        mail.failed(QUEUED, null);
        assertThat(mail.getLastError()).isEqualTo("unknown");
    }
}
