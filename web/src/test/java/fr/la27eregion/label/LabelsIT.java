package fr.la27eregion.label;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlLabels;
import fr.la27eregion.testing.SqlLabels.Awarded;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A label's life through the API, on the shared server, as each role (HTTP Basic), with labels written by SQL as an
 * award leaves them ({@link SqlLabels}): who reads a label (the holder organisation, the secretariat, auditors;
 * another organisation gets a 404, as for an unknown id); the secretariat's suspension, reinstatement and
 * revocation (motivation where the table asks, 409 when stale, 403 for anyone else, each step journaled with the
 * label as subject and told to the holder); the certificate as a PDF parsed back, withheld while suspended or once
 * revoked; the renewal pre-filled from the label's application, and every refusal of it.
 */
class LabelsIT {

    private static final String ADMIN = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String REVIEWER = TestAccounts.of(Role.REVIEWER);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;

    private final ApiClient api = new ApiClient(TestServer.url());

    private static Awarded active(boolean renewable) {
        LocalDate today = LocalDate.now();
        return SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", today.minusMonths(6), today.plusMonths(18),
                renewable);
    }

    private Reply step(long id, String action, Integer version, String reason, String caller) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("action", action);
        if (version != null) {
            body.add("version", version);
        }
        if (reason != null) {
            body.add("reason", reason);
        }
        return api.post("api/v1/labels/" + id + "/transitions", body.build().toString(), caller);
    }

    private Reply renew(long id, long campaign, String caller) {
        return api.post("api/v1/labels/" + id + "/renewals", "{\"campaignId\": " + campaign + "}", caller);
    }

    @Test
    void theHolderTheSecretariatAndAuditorsReadALabelAndNoOneElse() {
        Awarded label = active(true);
        for (String reader : List.of(COORDINATOR, CONTRIBUTOR, ADMIN, AUDITOR)) {
            Reply read = api.get("api/v1/labels/" + label.labelId(), reader);
            assertThat(read.status()).as(reader + ": " + read.body()).isEqualTo(200);
            JsonObject json = read.json();
            assertThat(json.getString("certificateNumber")).isEqualTo(label.certificateNumber());
            assertThat(json.getString("verificationCode")).isEqualTo(label.verificationCode());
            assertThat(json.getString("state")).isEqualTo("ACTIVE");
            assertThat(json.getString("organisationName")).isEqualTo(TestAccounts.ORGANISATION_A);
            assertThat(json.getInt("level")).isEqualTo(2);
            assertThat(json.getJsonNumber("applicationId").longValue()).isEqualTo(label.applicationId());
            assertThat(json.getJsonArray("actions")).extracting(Object::toString).as(reader)
                    .containsExactlyInAnyOrderElementsOf(reader.equals(ADMIN) ? List.of("\"SUSPEND\"",
                            "\"REVOKE\"") : List.of());
        }
        for (Reply hidden : List.of(api.get("api/v1/labels/" + label.labelId(), COORDINATOR_B),
                api.get("api/v1/labels/" + label.labelId() + "/certificate", COORDINATOR_B),
                api.get("api/v1/labels/999999999", ADMIN))) {
            assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
            assertThat(hidden.mediaType()).isEqualTo("application/problem+json");
            assertThat(hidden.body()).doesNotContain(label.certificateNumber());
        }
        assertThat(api.get("api/v1/labels/" + label.labelId(), REVIEWER).status()).isEqualTo(403);
        assertThat(api.get("api/v1/labels/" + label.labelId(), null).status()).isEqualTo(401);
    }

    @Test
    void theSecretariatSuspendsReinstatesAndRevokesWithAMotivationEachStepJournaledAndTold() {
        Awarded label = active(true);
        long id = label.labelId();
        int version = api.get("api/v1/labels/" + id, ADMIN).json().getInt("version");

        Reply noReason = step(id, "SUSPEND", version, null, ADMIN);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.json().getString("field")).isEqualTo("reason");
        assertThat(step(id, "SUSPEND", version, "Enquête en cours.", COORDINATOR).status()).isEqualTo(403);
        assertThat(step(id, "SUSPEND", version, "Enquête en cours.", AUDITOR).status()).isEqualTo(403);
        assertThat(step(id, "EXPIRE", version, null, ADMIN).status()).as("the daily job's").isEqualTo(403);
        assertThat(step(id, "RENEW", version, null, ADMIN).status()).as("the platform's").isEqualTo(403);
        assertThat(step(id, "BURN", version, null, ADMIN).status()).isEqualTo(400);
        assertThat(step(id, "SUSPEND", null, "Enquête en cours.", ADMIN).status()).isEqualTo(422);

        Reply suspended = step(id, "SUSPEND", version, "Enquête en cours sur les résultats annoncés.", ADMIN);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().getString("state")).isEqualTo("SUSPENDED");
        assertThat(suspended.json().getString("lastReason")).isEqualTo("Enquête en cours sur les résultats annoncés.");
        assertThat(suspended.json().getJsonArray("actions")).extracting(Object::toString)
                .containsExactlyInAnyOrder("\"REINSTATE\"", "\"REVOKE\"");

        Reply stale = step(id, "REINSTATE", version, null, ADMIN);
        assertThat(stale.status()).as("a stale version").isEqualTo(409);
        assertThat(stale.mediaType()).isEqualTo("application/problem+json");

        Reply reinstated = step(id, "REINSTATE", suspended.json().getInt("version"), null, ADMIN);
        assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
        assertThat(reinstated.json().getString("state")).isEqualTo("ACTIVE");
        Reply revoked = step(id, "REVOKE", reinstated.json().getInt("version"), "Résultats non établis.", ADMIN);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().getString("state")).isEqualTo("REVOKED");
        assertThat(revoked.json().getJsonArray("actions")).isEmpty();
        Reply again = step(id, "REINSTATE", revoked.json().getInt("version"), null, ADMIN);
        assertThat(again.status()).as("nothing after a revocation").isEqualTo(422);
        assertThat(again.json().getString("rule")).isEqualTo("label.rule.NOT_FROM_THIS_STATE");

        assertThat(Superuser.rows("SELECT action, state_before, state_after, actor, reason FROM journal_entry"
                + " WHERE subject_type = 'Label' AND subject_id = ? ORDER BY seq", String.valueOf(id)))
                .extracting(row -> row.values().stream().map(String::valueOf).toList()).containsExactly(
                        List.of("label.suspend", "ACTIVE", "SUSPENDED", ADMIN,
                                "Enquête en cours sur les résultats annoncés."),
                        List.of("label.reinstate", "SUSPENDED", "ACTIVE", ADMIN, "null"),
                        List.of("label.revoke", "ACTIVE", "REVOKED", ADMIN, "Résultats non établis."));
        assertThat(Superuser.column("SELECT message_key FROM notification WHERE arguments LIKE ? ORDER BY id",
                "%" + label.certificateNumber() + "%")).containsExactly("label.suspend", "label.reinstate",
                "label.revoke");
        assertThat(Superuser.column("SELECT arguments FROM notification WHERE message_key = 'label.revoke'"
                + " AND arguments LIKE ?", "%" + label.certificateNumber() + "%").get(0))
                .contains("Résultats non établis.", "/app/labels/label.xhtml?id=" + id);
        // the history reads the same, for the holder too
        Reply history = api.get("api/v1/labels/" + id, COORDINATOR);
        assertThat(history.json().getString("state")).isEqualTo("REVOKED");
    }

    @Test
    void theCertificateIsAPdfWithTheNumberAndTheVerificationAddressWithheldOnceSuspendedOrRevoked()
            throws Exception {
        Awarded label = active(true);
        long id = label.labelId();
        String verification = "/public/labels/verifier/" + label.verificationCode();

        HttpResponse<byte[]> french = certificate(id, "", COORDINATOR);
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(french.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", label.certificateNumber() + "-fr.pdf");
        String text = text(french.body());
        assertThat(text).contains("Certificat de label", label.certificateNumber(), "Label d'essai",
                label.projectTitle(), TestAccounts.ORGANISATION_A, verification, "Niveau 2", "Coup de cœur");
        assertThat(text).containsPattern("https?://[^\\s]+" + java.util.regex.Pattern.quote(verification));

        HttpResponse<byte[]> english = certificate(id, "?lang=en", AUDITOR);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(text(english.body())).contains("Test label", label.certificateNumber(), verification)
                .doesNotContain("Certificat de label");
        assertThat(certificate(id, "", ADMIN).statusCode()).isEqualTo(200);
        assertThat(certificate(id, "", REVIEWER).statusCode()).isEqualTo(403);

        int version = api.get("api/v1/labels/" + id, ADMIN).json().getInt("version");
        Reply suspended = step(id, "SUSPEND", version, "Vérification en cours.", ADMIN);
        assertThat(suspended.status()).isEqualTo(200);
        Reply withheld = api.get("api/v1/labels/" + id + "/certificate", COORDINATOR);
        assertThat(withheld.status()).as(withheld.body()).isEqualTo(422);
        assertThat(withheld.mediaType()).isEqualTo("application/problem+json");
        assertThat(withheld.json().getString("rule")).isEqualTo("label.certificate.withheld");
        step(id, "REVOKE", suspended.json().getInt("version"), "Retiré.", ADMIN);
        assertThat(api.get("api/v1/labels/" + id + "/certificate", ADMIN).status()).as("not even for the secretariat")
                .isEqualTo(422);

        Awarded expired = SqlLabels.label(TestAccounts.ORGANISATION_A, "EXPIRED", LocalDate.now().minusYears(3),
                LocalDate.now().minusYears(1), true);
        HttpResponse<byte[]> old = certificate(expired.labelId(), "", COORDINATOR);
        assertThat(old.statusCode()).as("an expired label's certificate prints its own dates").isEqualTo(200);
        assertThat(text(old.body())).contains(expired.certificateNumber());
    }

    @Test
    void aRenewalStartsPreFilledFromTheLabelsApplicationOnTheNewGrid() {
        Awarded label = active(true);
        // the programme's grid was revised: "usagers" stays, "donnees" is gone, "impact" is new
        long grid = SqlLabels.grid(label.programmeId(), 2, "usagers", "impact");
        long open = SqlLabels.campaign(label.programmeId(), grid, "RENEW" + System.nanoTime() % 1_000_000_000L,
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS));

        assertThat(renew(label.labelId(), open, ADMIN).status()).as("the holder's people only").isEqualTo(403);
        assertThat(renew(label.labelId(), open, AUDITOR).status()).isEqualTo(403);
        assertThat(renew(label.labelId(), open, COORDINATOR_B).status()).as("another's label").isEqualTo(404);
        assertThat(renew(label.labelId(), 999_999_999L, CONTRIBUTOR).status()).isEqualTo(404);
        assertThat(api.post("api/v1/labels/" + label.labelId() + "/renewals", "{}", CONTRIBUTOR).status())
                .isEqualTo(422);

        Reply started = renew(label.labelId(), open, CONTRIBUTOR);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonObject application = started.json();
        long id = application.getJsonNumber("id").longValue();
        assertThat(started.header("Location")).endsWith("/api/v1/label-applications/" + id);
        assertThat(application.getString("state")).isEqualTo("DRAFT");
        assertThat(application.getJsonNumber("campaignId").longValue()).isEqualTo(open);
        assertThat(application.getJsonNumber("projectId").longValue()).isEqualTo(label.projectId());
        Map<String, String> answers = new java.util.HashMap<>();
        application.getJsonArray("answers").forEach(v -> answers.put(v.asJsonObject().getString("code"),
                v.asJsonObject().getString("answer", null)));
        assertThat(answers).containsEntry("usagers", "Réponse d'origine au critère " + label.criteria().get(0) + ".")
                .containsEntry("impact", null).doesNotContainKey("donnees");
        assertThat(application.getJsonArray("unanswered")).extracting(Object::toString).containsExactly("\"impact\"");
        assertThat(Superuser.number("SELECT renewal_of_label_id FROM label_application WHERE id = ?", id))
                .isEqualTo(label.labelId());
        assertThat(Superuser.column("SELECT details FROM journal_entry WHERE subject_type = 'LabelApplication'"
                + " AND subject_id = ? AND action = 'label-application.create'", String.valueOf(id)).get(0))
                .containsPattern("\"renewalOf\"\\s*:\\s*" + label.labelId() + "\\b");

        Reply twice = renew(label.labelId(), open, COORDINATOR);
        assertThat(twice.status()).as("one renewal at a time").isEqualTo(422);
        assertThat(twice.json().getString("rule")).isEqualTo("label.renewal.underWay");
        // once withdrawn, a renewal may start again
        Reply withdrawn = api.post("api/v1/label-applications/" + id + "/transitions", Json.createObjectBuilder()
                .add("action", "WITHDRAW").add("version", application.getInt("version")).build().toString(),
                COORDINATOR);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(renew(label.labelId(), open, COORDINATOR).status()).isEqualTo(201);
    }

    @Test
    void aRenewalIsRefusedForAnotherProgrammeAClosedCampaignANonRenewableProgrammeOrARevokedLabel() {
        Awarded label = active(true);
        long closed = SqlLabels.campaign(label.programmeId(), label.gridId(), "CLOSED" + System.nanoTime()
                % 1_000_000_000L, Instant.now().minus(20, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        Reply late = renew(label.labelId(), closed, CONTRIBUTOR);
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.json().getString("rule")).isEqualTo("label.rule.CAMPAIGN_NOT_OPEN");

        Awarded other = active(true);
        long otherCampaign = SqlLabels.campaign(other.programmeId(), other.gridId(), "OTHER" + System.nanoTime()
                % 1_000_000_000L, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
        Reply elsewhere = renew(label.labelId(), otherCampaign, CONTRIBUTOR);
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().getString("rule")).isEqualTo("label.renewal.otherProgramme");

        Awarded once = active(false);
        long onceCampaign = SqlLabels.campaign(once.programmeId(), once.gridId(), "ONCE" + System.nanoTime()
                % 1_000_000_000L, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
        Reply notRenewable = renew(once.labelId(), onceCampaign, CONTRIBUTOR);
        assertThat(notRenewable.status()).isEqualTo(422);
        assertThat(notRenewable.json().getString("rule")).isEqualTo("label.renewal.notRenewable");

        long open = SqlLabels.campaign(label.programmeId(), label.gridId(), "OPEN" + System.nanoTime()
                % 1_000_000_000L, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
        int version = api.get("api/v1/labels/" + label.labelId(), ADMIN).json().getInt("version");
        assertThat(step(label.labelId(), "SUSPEND", version, "Contrôle.", ADMIN).status()).isEqualTo(200);
        Reply suspended = renew(label.labelId(), open, CONTRIBUTOR);
        assertThat(suspended.status()).isEqualTo(422);
        assertThat(suspended.json().getString("rule")).isEqualTo("label.renewal.notFromThisState");
        assertThat(Superuser.number("SELECT count(*) FROM label_application WHERE renewal_of_label_id = ?",
                label.labelId())).as("nothing started").isZero();

        Awarded expired = SqlLabels.label(TestAccounts.ORGANISATION_A, "EXPIRED", LocalDate.now().minusYears(3),
                LocalDate.now().minusDays(10), true);
        long expiredCampaign = SqlLabels.campaign(expired.programmeId(), expired.gridId(), "LATE" + System.nanoTime()
                % 1_000_000_000L, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
        assertThat(renew(expired.labelId(), expiredCampaign, COORDINATOR).status())
                .as("an expired label is renewed").isEqualTo(201);
    }

    private HttpResponse<byte[]> certificate(long id, String query, String caller) throws Exception {
        java.net.URL deployed = TestServer.url();
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        URI uri = URI.create("http://127.0.0.1:" + deployed.getPort() + path + "api/v1/labels/" + id
                + "/certificate" + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((caller + ":"
                        + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
