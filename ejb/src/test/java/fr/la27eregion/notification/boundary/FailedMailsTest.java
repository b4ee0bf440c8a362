package fr.la27eregion.notification.boundary;

import fr.la27eregion.notification.boundary.FailedMails.Problem;
import fr.la27eregion.notification.entity.OutgoingMail;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed mail's error means in plain words, and what sending it again does to the mail. */
class FailedMailsTest {

    @Test
    void errorsAsTheSenderWritesThem() {
        assertThat(Problem.of("MailConnectException: Couldn't connect to host, port: smtp.example.org, 25; timeout -1"
                + " <- ConnectException: Connection refused")).isEqualTo(Problem.SERVER_UNREACHABLE);
        assertThat(Problem.of("MessagingException: Exception reading response <- SocketTimeoutException: Read timed"
                + " out")).isEqualTo(Problem.TIMEOUT);
        assertThat(Problem.of("AuthenticationFailedException: 535 5.7.8 Authentication credentials invalid"))
                .isEqualTo(Problem.AUTHENTICATION);
        assertThat(Problem.of("SendFailedException: Invalid Addresses <- SMTPAddressFailedException: 550 5.1.1"
                + " mailbox unavailable")).isEqualTo(Problem.ADDRESS_REFUSED);
        assertThat(Problem.of("IllegalStateException: something else")).isEqualTo(Problem.OTHER);
        assertThat(Problem.of(null)).isEqualTo(Problem.OTHER);
    }

    @Test
    void requeueStartsAgainAtOnce() {
        Instant written = Instant.parse("2026-01-01T10:00:00Z");
        OutgoingMail mail = new OutgoingMail("someone@example.org", "Objet", "Corps", written);
        for (int i = 0; i < OutgoingMail.FAILED_FOR_GOOD + 2; i++) {
            mail.failed(written.plusSeconds(i), "refused");
        }
        Instant now = Instant.parse("2026-01-05T08:00:00Z");
        mail.requeue(now);
        assertThat(mail.getAttempts()).isZero();
        assertThat(mail.getNextAttemptAt()).isEqualTo(now);
        assertThat(mail.getLastError()).isEqualTo("refused");
        mail.failed(now, "refused again");
        assertThat(mail.getNextAttemptAt()).as("a new mail's first delay").isEqualTo(now.plusSeconds(60));
    }
}
