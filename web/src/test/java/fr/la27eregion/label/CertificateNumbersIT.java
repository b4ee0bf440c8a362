package fr.la27eregion.label;

import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label certificate numbers ({@code label.control.CertificateNumbers}) on the real server and PostgreSQL, taken
 * through the test-only servlet {@code CertificateFixtures}: gapless and unique per year under concurrent awards,
 * some of which roll back. Each test takes a year of its own (far in the future), so runs and tests do not mix.
 */
class CertificateNumbersIT {

    private static final int AWARDS = 60;
    private static final int CLIENTS = 8;

    private final ApiClient api = new ApiClient(TestServer.url());

    @Test
    void concurrentAwardsGetUniqueGaplessNumbersAndARolledBackNumberGoesToALaterAward() throws Exception {
        int year = unusedYear();
        List<JsonObject> taken = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<JsonObject>> awards = IntStream.range(0, AWARDS)
                    .mapToObj(i -> clients.submit(() -> take(year, 10, i % 3 == 1))).toList();
            for (Future<JsonObject> award : awards) {
                taken.add(award.get());
            }
        } finally {
            clients.shutdown();
        }

        List<String> committed = taken.stream().filter(award -> award.getBoolean("committed"))
                .map(award -> award.getString("number")).sorted().toList();
        List<String> rolledBack = taken.stream().filter(award -> !award.getBoolean("committed"))
                .map(award -> award.getString("number")).toList();
        int count = AWARDS - AWARDS / 3;
        assertThat(committed).as("unique and gapless: 1 to %d", count)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, count).mapToObj(n -> number(year, n)).toList());
        assertThat(rolledBack).hasSize(AWARDS / 3)
                .allSatisfy(number -> assertThat(number).isLessThanOrEqualTo(number(year, count + 1)))
                .as("a rolled-back award's number went to a later award").containsAnyElementsOf(committed);

        assertThat(take(year, 0, false).getString("number")).as("the next award continues the year")
                .isEqualTo(number(year, count + 1));
        assertThat(Superuser.number("SELECT last_number FROM label_certificate_counter WHERE year = ?", year))
                .isEqualTo(count + 1);
    }

    @Test
    void aYearStartsAtOneAndGoesPast9999OnMoreDigits() {
        int year = unusedYear();
        assertThat(take(year, 0, false).getString("number")).isEqualTo("L27-" + year + "-0001");
        assertThat(take(year, 0, true).getString("number")).isEqualTo("L27-" + year + "-0002");
        assertThat(take(year, 0, false).getString("number")).isEqualTo("L27-" + year + "-0002");

        Superuser.update("UPDATE label_certificate_counter SET last_number = 9999 WHERE year = ?", year);

        assertThat(take(year, 0, false).getString("number")).isEqualTo("L27-" + year + "-10000");
        assertThat(take(year + 1, 0, false).getString("number")).as("another year has its own count")
                .isEqualTo("L27-" + (year + 1) + "-0001");
    }

    @Test
    void aNumberIsOnlyTakenInTheCallersTransaction() {
        int year = unusedYear();

        JsonObject reply = call("without-transaction", "year=" + year);

        assertThat(reply.getBoolean("refused", false)).as(reply.toString()).isTrue();
        assertThat(Superuser.number("SELECT count(*) FROM label_certificate_counter WHERE year = ?", year))
                .isZero();
    }

    private JsonObject take(int year, long holdMillis, boolean rollBack) {
        return call("take", "year=" + year + "&holdMillis=" + holdMillis + "&rollBack=" + rollBack);
    }

    private JsonObject call(String path, String form) {
        ApiClient.Reply reply = api.send("POST", "api/test-certificates/" + path,
                "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(form), null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** A year no test used yet: its counter row (and the next year's) removed first. */
    private static int unusedYear() {
        int year = ThreadLocalRandom.current().nextInt(3000, 9000);
        Superuser.update("DELETE FROM label_certificate_counter WHERE year IN (?, ?)", year, year + 1);
        return year;
    }

    private static String number(int year, int rank) {
        return String.format("L27-%d-%04d", year, rank);
    }
}
