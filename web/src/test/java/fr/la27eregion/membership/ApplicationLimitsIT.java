package fr.la27eregion.membership;

import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static fr.la27eregion.membership.MembershipApi.application;
import static fr.la27eregion.membership.MembershipApi.coordinator;
import static fr.la27eregion.membership.MembershipApi.emailOf;
import static fr.la27eregion.membership.MembershipApi.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying to join is open to everyone and mails the coordinator named: applications are limited per client
 * address (429 with Retry-After past {@code limits.applications.per-hour}), and the acknowledgement goes to the
 * coordinator only. Each test claims a client address of its own ({@code X-Forwarded-For}, believed from the test
 * server's loopback), and puts the moved clock back.
 */
@DisplayName("Limits of applications")
class ApplicationLimitsIT {

    /** limits.applications.per-hour, its default. */
    private static final int APPLICATIONS_PER_HOUR = 5;

    final URL base = TestServer.url();

    private PlatformDriver driver;
    private ApiClient applicant;

    @BeforeEach
    void clients() {
        driver = new PlatformDriver(base);
        applicant = new ApiClient(base).from(ApiClient.uniqueAddress());
    }

    @AfterEach
    void realTimeAgain() {
        driver.moveClockBy(Duration.ZERO);
    }

    @Test
    @DisplayName("five applications an hour from one address; the sixth is a 429 with Retry-After, stored nowhere")
    void theSixthApplicationOfTheHourIsRefused() {
        Reply refusedByARule = applicant.post("api/v1/organisations",
                application(uniqueName("limits")).add("siret", "123").build().toString(), null);
        assertThat(refusedByARule.status()).as("refused by a rule: counts for nothing").isEqualTo(422);
        for (int i = 0; i < APPLICATIONS_PER_HOUR; i++) {
            Reply applied = applicant.post("api/v1/organisations", application(uniqueName("limits")).build()
                    .toString(), null);
            assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        }
        String sixth = uniqueName("limits");
        Reply limited = applicant.post("api/v1/organisations", application(sixth).build().toString(), null);

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.mediaType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(PlatformDriver.rows("SELECT id FROM organisation WHERE name = ?", sixth)).isEmpty();
        assertThat(PlatformDriver.rows("SELECT id FROM outgoing_mail WHERE recipient = ?", emailOf(sixth))).isEmpty();
        assertThat(new ApiClient(base).from(ApiClient.uniqueAddress()).post("api/v1/organisations",
                application(uniqueName("limits")).build().toString(), null).status())
                .as("another address is not held back").isEqualTo(201);

        driver.moveClockBy(Duration.ofMinutes(15));
        assertThat(applicant.post("api/v1/organisations", application(uniqueName("limits")).build().toString(), null)
                .status()).as("a quarter of an hour later, one more").isEqualTo(201);
    }

    @Test
    @DisplayName("the acknowledgement of an application goes to the first coordinator it names, to nobody else")
    void theAcknowledgementGoesToTheCoordinatorOnly() throws Exception {
        String name = uniqueName("ack");
        String other = "autre." + MembershipApi.uniquePart(name) + "@example.fr";
        String correspondent = "correspondance." + MembershipApi.uniquePart(name) + "@example.fr";
        Reply applied = applicant.post("api/v1/organisations", application(name).add("contacts",
                Json.createArrayBuilder().add(coordinator(name))
                        .add(coordinator(name).add("email", other))
                        .add(coordinator(name).add("email", correspondent).add("networkRole", "CORRESPONDENT")))
                .build().toString(), null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);

        assertThat(PlatformDriver.rows("SELECT recipient FROM outgoing_mail WHERE recipient IN (?, ?, ?)",
                emailOf(name), other, correspondent)).containsExactly(List.of(emailOf(name)));
    }
}
