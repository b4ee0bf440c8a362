package fr.la27eregion.platform.cache;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's copies of public answers stay within their count and their bytes, whatever is asked. */
class PublicResponsesBoundsTest {

    private static PublicResponses.Kept answer(long version, int bytes) {
        return new PublicResponses.Kept(version, "\"e\"", "text/html", List.of(), new byte[bytes]);
    }

    private static PublicResponses filter(int entries, int megabytes) {
        PublicResponses filter = new PublicResponses();
        filter.maxEntries = entries;
        filter.maxMegabytes = megabytes;
        return filter;
    }

    @Test
    void madeUpQueriesNeverKeepMoreThanTheBytesAllowed() {
        PublicResponses filter = filter(2000, 2);
        for (int i = 0; i < 100; i++) {
            filter.store("/public/projets.xhtml?q=" + i, answer(7, 300 * 1024));
        }
        long[] size = filter.keptSize();
        assertThat(size[1]).isLessThanOrEqualTo(2L * 1024 * 1024);
        assertThat(size[0]).isEqualTo(6);
    }

    @Test
    void aNewerVersionPushesOlderAnswersOut() {
        PublicResponses filter = filter(3, 64);
        for (int i = 0; i < 3; i++) {
            filter.store("/a" + i, answer(1, 10));
        }
        filter.store("/b", answer(2, 10));
        assertThat(filter.keptSize()).containsExactly(1, 10);
    }

    @Test
    void anAnswerReplacedCountsOnce() {
        PublicResponses filter = filter(10, 1);
        filter.store("/same", answer(1, 1000));
        filter.store("/same", answer(2, 400));
        assertThat(filter.keptSize()).containsExactly(1, 400);
    }
}
