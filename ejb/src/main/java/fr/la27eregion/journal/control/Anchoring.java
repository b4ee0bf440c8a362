package fr.la27eregion.journal.control;

import fr.la27eregion.journal.chain.ChainProblem;
import fr.la27eregion.journal.chain.TimeStamps;
import fr.la27eregion.journal.control.JournalAnchor.Status;
import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Anchors the journal: reads the chain head, has it time-stamped when an authority is configured
 * ({@value #TSA_URL}), and keeps the anchor ({@link AnchorRecords}, which journals {@code journal.anchor}).
 *
 * <p>Why the authority is asked outside any transaction: it is a network call that may take seconds or fail; a
 * transaction held meanwhile would hold a connection, and a failure must never undo anything. A failure of the
 * authority is recorded on the anchor ({@link Status#FAILED}) and never thrown: the head is anchored anyway.
 * The head is read without locking it: entries appended meanwhile only make it older, and the entry it names
 * stays (the journal is append-only).
 */
@ApplicationScoped
public class Anchoring {

    /** The RFC 3161 time-stamping authority's URL; none: anchors record the head only. */
    public static final String TSA_URL = "platform.journal.tsa-url";
    /** The authority's certificate (PEM or DER file) its tokens must be signed with; none: the token's own. */
    public static final String TSA_CERTIFICATE = "platform.journal.tsa-certificate";
    /** How long to wait for the authority. */
    public static final String TSA_TIMEOUT = "platform.journal.tsa-timeout-seconds";

    private static final Logger LOG = Logger.getLogger(Anchoring.class.getName());

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Config config;

    @Inject
    private AnchorRecords records;

    /** Anchors the head now, for {@code by} (an account's name, or {@code system} for the daily job). */
    public JournalAnchor anchor(String by) {
        long seq;
        String hash;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT seq, hash FROM journal_head");
             ResultSet head = query.executeQuery()) {
            if (!head.next()) {
                throw new IllegalStateException("The journal has no head");
            }
            seq = head.getLong(1);
            hash = head.getString(2);
        } catch (SQLException failed) {
            throw new IllegalStateException("The journal head could not be read", failed);
        }
        Optional<String> url = config.getOptionalValue(TSA_URL, String.class).filter(value -> !value.isBlank());
        if (url.isEmpty()) {
            return records.keep(by, seq, hash, Status.NONE, null, null, null, null);
        }
        TimeStamps.Answer answer;
        try {
            answer = TimeStamps.request(URI.create(url.get().strip()), hash,
                    Duration.ofSeconds(config.getOptionalValue(TSA_TIMEOUT, Integer.class).orElse(20)));
        } catch (IllegalArgumentException badUrl) {
            answer = new TimeStamps.Answer(null, null, "the authority's URL is not valid: " + badUrl.getMessage());
        }
        if (!answer.granted()) {
            LOG.warning("Journal anchor at entry " + seq + ": no time stamp from " + url.get() + ": "
                    + answer.problem());
            return records.keep(by, seq, hash, Status.FAILED, url.get(), null, null, answer.problem());
        }
        String problem = check(answer.token(), hash);
        return records.keep(by, seq, hash, problem == null ? Status.VERIFIED : Status.INVALID, url.get(),
                answer.token(), answer.time(), problem);
    }

    /** Why the token does not prove the hash (with the configured certificate), or null when it does. */
    public String check(byte[] token, String hash) {
        X509Certificate trusted;
        try {
            trusted = trusted();
        } catch (IOException unreadable) {
            return "the trusted certificate (" + TSA_CERTIFICATE + ") cannot be read: " + unreadable.getMessage();
        }
        ChainProblem problem = TimeStamps.check(token, hash, trusted);
        return problem == null ? null : problem.english();
    }

    /** The configured certificate of the authority, or null when none is configured. */
    public X509Certificate trusted() throws IOException {
        Optional<String> file = config.getOptionalValue(TSA_CERTIFICATE, String.class)
                .filter(value -> !value.isBlank());
        return file.isEmpty() ? null : TimeStamps.certificate(Path.of(file.get().strip()));
    }
}
