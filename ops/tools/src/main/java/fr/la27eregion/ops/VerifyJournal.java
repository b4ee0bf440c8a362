package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.TimeStamps;
import fr.la27eregion.journal.chain.Verification;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Verifies the journal of a platform database offline, with the platform's own code (the same canonical form
 * and verification as {@code GET /api/v1/journal/verify}), from a machine that only needs a JDK and read access
 * to the database: for an auditor, or after restoring a backup. Then checks every anchor
 * ({@code journal_anchor}): the chain's entry at the anchor's number still has the anchored hash, and the anchor's
 * RFC 3161 time stamp, if any, is over that hash and validly signed, by the authority whose certificate is given
 * ({@code TSA_CERTIFICATE}, a PEM or DER file), or else by the certificate the token carries.
 *
 * <p>Usage: {@code VerifyJournal [JDBC_URL [USER [PASSWORD]]]}; what is not given comes from the environment
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, as for the platform itself; {@code TSA_CERTIFICATE}).
 * Prints the entries checked, the time taken, the speed and the first broken entry, then the anchors checked and
 * each one that does not hold. Exit code: 0 the chain is intact and every anchor holds; 1 the chain is broken;
 * 2 the journal could not be read (or the certificate); 3 the chain is intact but an anchor does not hold (the
 * chain no longer has its hash, or its time stamp does not prove it).
 */
public final class VerifyJournal {

    private VerifyJournal() {
    }

    public static void main(String[] args) {
        String url = argument(args, 0, "DB_URL");
        if (url == null) {
            System.err.println("usage: VerifyJournal JDBC_URL [USER [PASSWORD]]  (or DB_URL, DB_USER, DB_PASSWORD;"
                    + " TSA_CERTIFICATE)");
            System.exit(2);
        }
        String user = argument(args, 1, "DB_USER");
        String password = argument(args, 2, "DB_PASSWORD");
        try {
            String certificate = System.getenv("TSA_CERTIFICATE");
            X509Certificate trusted = certificate == null || certificate.isBlank() ? null
                    : TimeStamps.certificate(Path.of(certificate));
            Verification verification = verify(url, user, password);
            System.out.println("Entries checked:  " + verification.entriesChecked());
            System.out.println("Time taken:       " + verification.duration().toMillis() + " ms");
            System.out.println("Speed:            " + verification.entriesPerSecond() + " entries/s");
            System.out.println("First broken seq: " + (verification.intact() ? "none" : verification.firstBrokenSeq()));
            System.out.println(verification.intact() ? "The chain is intact."
                    : "The chain is BROKEN at entry " + verification.firstBrokenSeq() + ": " + verification.problem());
            List<AnchorVerification.Check> anchors = anchors(url, user, password, trusted);
            List<AnchorVerification.Check> broken = anchors.stream().filter(check -> !check.holds()).toList();
            System.out.println("Anchors checked:  " + anchors.size() + " ("
                    + anchors.stream().filter(AnchorVerification.Check::timestamped).count() + " time-stamped, "
                    + (trusted == null ? "signers from the tokens" : "signer " + trusted.getSubjectX500Principal())
                    + ")");
            broken.forEach(check -> System.out.println("Anchor " + check.anchorId() + " (entry " + check.seq()
                    + ", " + check.anchoredAt() + ") does NOT hold: " + check.problem()));
            if (broken.isEmpty()) {
                System.out.println("Every anchor holds.");
            }
            System.exit(!verification.intact() ? 1 : broken.isEmpty() ? 0 : 3);
        } catch (SQLException | IOException unreadable) {
            System.err.println("The journal could not be read: " + unreadable.getMessage());
            System.exit(2);
        }
    }

    /** Verifies the journal of the database at {@code url}; user and password may be null (in the URL, or trusted). */
    public static Verification verify(String url, String user, String password) throws SQLException {
        try (Connection connection = connect(url, user, password)) {
            return ChainVerification.verify(connection);
        }
    }

    /** Checks every anchor of the database at {@code url}; {@code trusted} may be null (the tokens' own signers). */
    public static List<AnchorVerification.Check> anchors(String url, String user, String password,
                                                         X509Certificate trusted) throws SQLException {
        try (Connection connection = connect(url, user, password)) {
            return AnchorVerification.verify(connection, trusted);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    private static String argument(String[] args, int index, String variable) {
        return args.length > index ? args[index] : System.getenv(variable);
    }
}
