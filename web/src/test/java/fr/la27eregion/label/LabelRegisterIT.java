package fr.la27eregion.label;

import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.RegisterLabels;
import fr.la27eregion.testing.RegisterLabels.MadeLabel;
import fr.la27eregion.testing.RegisterLabels.Programme;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public register of labels and the verification of a code, through the API as an anonymous caller, on the
 * shared server, against labels written by SQL as V17 wants them (an awarded application of a project of the
 * holder organisation): each filter alone and combined, paging with its links, nothing of people or codes in the
 * register, a verdict for every state (a label active past its last day is expired before the daily job runs, a
 * renewed one names its successor), codes typed as people type them, an unknown code, and the limit on
 * verifications that find nothing.
 */
@DisplayName("The public register of labels and their verification")
class LabelRegisterIT {

    private static final ApiClient API = new ApiClient(TestServer.url());
    private static final LocalDate FAR = LocalDate.of(2099, 12, 31);

    private static Programme programme;
    private static MadeLabel brittanyActive;
    private static MadeLabel occitanieNetwork;
    private static MadeLabel brittanyRevoked;
    private static MadeLabel occitaniePastItsDay;
    private static MadeLabel brittanyRenewed;
    private static MadeLabel occitanieSuspended;
    private static MadeLabel occitanieExpired;
    private static String brittanyTitle;

    @BeforeAll
    static void labels() {
        programme = RegisterLabels.programme("Label public d'essai", "Public test label", false);
        long brittany = RegisterLabels.organisation("Labellisée de Bretagne " + programme.code(), "FR-53");
        long occitanie = RegisterLabels.organisation("Labellisée d'Occitanie " + programme.code(), "FR-76");
        brittanyTitle = "Cantine ouverte " + programme.code();
        brittanyActive = RegisterLabels.label(programme, brittany, brittanyTitle, "PUBLIC", "ACTIVE",
                LocalDate.of(2023, 3, 1), FAR, 2, List.of("Coup de cœur"));
        occitanieNetwork = RegisterLabels.label(programme, occitanie, "Guichet réseau " + programme.code(), "NETWORK",
                "ACTIVE", LocalDate.of(2022, 5, 1), FAR, null, List.of());
        brittanyRevoked = RegisterLabels.label(programme, brittany, "Retiré " + programme.code(), "PUBLIC", "REVOKED",
                LocalDate.of(2022, 6, 1), FAR, 1, List.of());
        occitaniePastItsDay = RegisterLabels.label(programme, occitanie, "Échu " + programme.code(), "PUBLIC", "ACTIVE",
                LocalDate.of(2020, 1, 10), LocalDate.of(2021, 1, 10), 1, List.of());
        brittanyRenewed = RegisterLabels.label(programme, brittany, "Premier label " + programme.code(), "PUBLIC",
                "RENEWED", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1), 1, List.of());
        RegisterLabels.renewedBy(brittanyRenewed, brittanyActive);
        occitanieSuspended = RegisterLabels.label(programme, occitanie, "Suspendu " + programme.code(), "DRAFT",
                "SUSPENDED", LocalDate.of(2022, 9, 1), FAR, 3, List.of());
        occitanieExpired = RegisterLabels.label(programme, occitanie, "Expiré " + programme.code(), "PUBLIC", "EXPIRED",
                LocalDate.of(2018, 2, 1), LocalDate.of(2020, 2, 1), null, List.of());
    }

    private static Reply register(String query) {
        return API.get("api/v1/labels?programme=" + programme.code() + (query.isEmpty() ? "" : "&" + query), null);
    }

    private static List<String> numbers(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("certificateNumber")).toList();
    }

    @Test
    @DisplayName("the register of a programme lists its labels, the latest awarded first, each with its state today")
    void theRegisterListsEveryLabel() {
        Reply reply = register("");
        assertThat(numbers(reply)).containsExactly(brittanyActive.number(), occitanieSuspended.number(),
                brittanyRevoked.number(), occitanieNetwork.number(), occitaniePastItsDay.number(),
                brittanyRenewed.number(), occitanieExpired.number());
        assertThat(reply.header("X-Total-Count")).isEqualTo("7");
        JsonObject first = reply.json().getJsonArray("items").getJsonObject(0);
        assertThat(first.getString("state")).isEqualTo("ACTIVE");
        assertThat(first.getString("programme")).isEqualTo(programme.code());
        assertThat(first.getString("programmeNameEn")).isEqualTo("Public test label");
        assertThat(first.getInt("level")).isEqualTo(2);
        assertThat(first.getJsonArray("mentions").getString(0)).isEqualTo("Coup de cœur");
        assertThat(first.getString("awardedOn")).isEqualTo("2023-03-01");
        assertThat(first.getString("projectTitle")).isEqualTo(brittanyTitle);
        assertThat(first.getString("projectUrl")).endsWith("/public/projets/" + brittanyActive.projectId()
                + "-projet-labellise");
        assertThat(first.getString("regionCode")).isEqualTo("FR-53");
        assertThat(first.getString("regionName")).isEqualTo("Bretagne");
        JsonObject network = item(reply, occitanieNetwork);
        assertThat(network.get("projectUrl")).as("a project that is not public has no public address").isNull();
        assertThat(network.getString("projectTitle")).isEqualTo("Guichet réseau " + programme.code());
        assertThat(item(reply, occitaniePastItsDay).getString("state"))
                .as("active in the table, but past its last day: expired for the public").isEqualTo("EXPIRED");
        assertThat(item(reply, brittanyRenewed).getString("renewedBy")).isEqualTo(brittanyActive.number());
    }

    @Test
    @DisplayName("the filters of year, region and state narrow the register, alone and combined")
    void theFiltersNarrowTheRegister() {
        assertThat(numbers(register("year=2022"))).containsExactly(occitanieSuspended.number(),
                brittanyRevoked.number(), occitanieNetwork.number());
        assertThat(numbers(register("region=FR-53"))).containsExactly(brittanyActive.number(),
                brittanyRevoked.number(), brittanyRenewed.number());
        assertThat(numbers(register("state=expired"))).as("recorded or by the date")
                .containsExactly(occitaniePastItsDay.number(), occitanieExpired.number());
        assertThat(numbers(register("state=ACTIVE"))).containsExactly(brittanyActive.number(),
                occitanieNetwork.number());
        assertThat(numbers(register("state=RENEWED"))).containsExactly(brittanyRenewed.number());
        assertThat(numbers(register("region=FR-76&year=2022&state=SUSPENDED")))
                .containsExactly(occitanieSuspended.number());
        assertThat(numbers(register("region=FR-84"))).isEmpty();
        assertThat(numbers(API.get("api/v1/labels?programme=NO-SUCH-PROGRAMME", null))).isEmpty();
    }

    @Test
    @DisplayName("the register is paged with links to the neighbouring pages, in the body and the Link header")
    void theRegisterIsPaged() {
        Reply second = register("size=2&page=2");
        assertThat(numbers(second)).containsExactly(brittanyRevoked.number(), occitanieNetwork.number());
        JsonObject body = second.json();
        assertThat(body.getInt("total")).isEqualTo(7);
        assertThat(body.getInt("pages")).isEqualTo(4);
        assertThat(body.getJsonObject("links").getString("next")).endsWith("/api/v1/labels?programme="
                + programme.code() + "&page=3&size=2");
        assertThat(body.getJsonObject("links").getString("prev")).endsWith("?programme=" + programme.code()
                + "&size=2");
        assertThat(String.join(", ", second.response().headers().allValues("Link"))).contains("rel=\"next\"").contains("rel=\"last\"")
                .contains("page=4&size=2");
        assertThat(numbers(register("size=2&page=4"))).containsExactly(occitanieExpired.number());
        assertThat(numbers(register("size=2&page=9"))).isEmpty();
    }

    @Test
    @DisplayName("a wrong parameter is a 400 naming it, never a 500")
    void wrongParametersAreRefused() {
        for (String query : List.of("year=20x", "year=1800", "state=VALIDE", "region=FR%2053", "page=0", "size=0",
                "size=101", "page=x")) {
            Reply reply = register(query);
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
            assertThat(reply.json().getString("field")).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    @DisplayName("the register tells public facts only: no verification code, no person")
    void theRegisterLeaksNothing() {
        Reply reply = register("size=100");
        for (MadeLabel label : List.of(brittanyActive, occitanieNetwork, brittanyRevoked, occitaniePastItsDay,
                brittanyRenewed, occitanieSuspended, occitanieExpired)) {
            assertThat(reply.body()).doesNotContain(label.code()).doesNotContain(label.code().replace("-", ""));
        }
        Set<String> fields = Set.of("certificateNumber", "state", "programme", "programmeNameFr", "programmeNameEn",
                "level", "mentions", "awardedOn", "validUntil", "projectTitle", "projectUrl", "organisation",
                "regionCode", "regionName", "renewedBy");
        reply.json().getJsonArray("items").getValuesAs(JsonObject.class)
                .forEach(item -> assertThat(fields).containsAll(item.keySet()));
        // the people of the network (accounts, contacts) are nowhere in it
        Superuser.column("SELECT display_name FROM account WHERE display_name IS NOT NULL AND length(display_name) > 5")
                .forEach(name -> assertThat(reply.body()).doesNotContain("\"" + name + "\""));
        assertThat(reply.body()).doesNotContain("motivation").doesNotContain("Un projet exemplaire");
    }

    private static Reply verify(String typed) {
        return API.get("api/v1/labels/verify/" + URLEncoder.encode(typed, StandardCharsets.UTF_8)
                .replace("+", "%20"), null);
    }

    @Test
    @DisplayName("each state has its verdict: valid, expired (recorded or by the date), suspended, revoked, renewed")
    void everyStateHasItsVerdict() {
        assertVerdict(brittanyActive, "VALID");
        assertVerdict(occitanieNetwork, "VALID");
        assertVerdict(occitaniePastItsDay, "EXPIRED");
        assertVerdict(occitanieExpired, "EXPIRED");
        assertVerdict(occitanieSuspended, "SUSPENDED");
        assertVerdict(brittanyRevoked, "REVOKED");
        JsonObject renewed = assertVerdict(brittanyRenewed, "RENEWED");
        assertThat(renewed.getJsonObject("label").getString("renewedBy")).isEqualTo(brittanyActive.number());

        JsonObject valid = verify(brittanyActive.code()).json();
        assertThat(valid.getBoolean("valid")).isTrue();
        assertThat(valid.getJsonObject("label").getString("organisation"))
                .isEqualTo("Labellisée de Bretagne " + programme.code());
        assertThat(valid.getJsonObject("label").getString("projectUrl")).contains("/public/projets/");
        assertThat(verify(brittanyActive.code()).body()).doesNotContain(brittanyActive.code());
        assertThat(verify(occitaniePastItsDay.code()).json().getBoolean("valid")).isFalse();
    }

    private static JsonObject assertVerdict(MadeLabel label, String verdict) {
        Reply reply = verify(label.code());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("verdict")).as(label.number()).isEqualTo(verdict);
        assertThat(reply.json().getJsonObject("label").getString("certificateNumber")).isEqualTo(label.number());
        return reply.json();
    }

    @Test
    @DisplayName("a code is read as people type it: lower case, spaces, no dashes, O for 0, I and L for 1")
    void typedCodesAreRead() {
        MadeLabel label = RegisterLabels.label(programme, RegisterLabels.organisation("Saisie " + programme.code(), null),
                "Saisie " + programme.code(), "PUBLIC", "ACTIVE", LocalDate.of(2024, 1, 1), FAR, null, List.of());
        Superuser.update("UPDATE label SET verification_code = ? WHERE id = ?", "0011-ABCD-EFGH-JKMN-PQRS-TVWX",
                label.id());
        for (String typed : List.of("0011-ABCD-EFGH-JKMN-PQRS-TVWX", "0011abcdefghjkmnpqrstvwx",
                "  oo1l abcd efgh jkmn pqrs tvwx ", "OOIL–ABCD—EFGH-JKMN-PQRS-TVWX", "0 0 1 1 A B C D E F G H J K M N P Q R S T V W X")) {
            Reply reply = verify(typed);
            assertThat(reply.status()).as("«" + typed + "»: " + reply.body()).isEqualTo(200);
            assertThat(reply.json().getJsonObject("label").getString("certificateNumber")).isEqualTo(label.number());
        }
    }

    @Test
    @DisplayName("an unknown code and a text that cannot be a code get the same 404")
    void unknownCodesAreNotFound() {
        Reply unknown = verify(RegisterLabels.newCode());
        Reply malformed = verify("not a code at all");
        Reply tooShort = verify(brittanyActive.code().substring(0, 20));
        for (Reply reply : List.of(unknown, malformed, tooShort)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
            assertThat(reply.json().getString("detail")).isEqualTo("No label has this code.");
        }
    }

    @Test
    @DisplayName("ten verifications that find nothing from one address, and it must wait; others are not held back")
    void failedVerificationsAreLimited() {
        ApiClient guesser = API.from(ApiClient.uniqueAddress());
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.get("api/v1/labels/verify/" + RegisterLabels.newCode(), null).status()).isEqualTo(404);
        }
        Reply limited = guesser.get("api/v1/labels/verify/" + RegisterLabels.newCode(), null);
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(guesser.get("api/v1/labels/verify/" + brittanyActive.code(), null).status())
                .as("a right code is refused too while the limit holds: the limit does not tell hits").isEqualTo(429);

        ApiClient scanner = API.from(ApiClient.uniqueAddress());
        for (int i = 0; i < 15; i++) {
            assertThat(scanner.get("api/v1/labels/verify/" + brittanyActive.code(), null).status())
                    .as("found codes cost nothing").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("the verification page counts against the same limit and says so beside the field, never a 500")
    void theVerificationPageIsLimitedToo() {
        ApiClient visitor = API.from(ApiClient.uniqueAddress());
        Reply unknown = visitor.get("public/verification.xhtml?code=" + RegisterLabels.newCode(), null);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Aucun label n").contains("a ce code.");
        for (int i = 0; i < 9; i++) {
            visitor.get("api/v1/labels/verify/" + RegisterLabels.newCode(), null);
        }
        Reply limited = visitor.get("public/verification.xhtml?code=" + brittanyActive.code(), null);
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.body()).contains("Trop de codes inconnus saisis depuis votre adresse")
                .doesNotContain(brittanyActive.number());
        Reply qr = API.get("public/labels/verifier/" + brittanyActive.code(), null);
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.body()).contains(brittanyActive.number()).contains("Label valide");
    }

    private static JsonObject item(Reply reply, MadeLabel label) {
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("certificateNumber").equals(label.number())).findFirst().orElseThrow();
    }
}
