package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.Verification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Verifies the journal of a platform database offline, with the platform's own code (the same canonical form
 * and verification as {@code GET /api/v1/journal/verify}), from a machine that only needs a JDK and read access
 * to the database: for an auditor, or after restoring a backup.
 *
 * <p>Usage: {@code VerifyJournal [JDBC_URL [USER [PASSWORD]]]}; what is not given comes from the environment
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, as for the platform itself). Prints the entries
 * checked, the time taken, the speed and the first broken entry; exits 0 when the chain is intact, 1 when it is
 * broken, 2 when the journal could not be read.
 */
public final class VerifyJournal {

    private VerifyJournal() {
    }

    public static void main(String[] args) {
        String url = argument(args, 0, "DB_URL");
        if (url == null) {
            System.err.println("usage: VerifyJournal JDBC_URL [USER [PASSWORD]]  (or DB_URL, DB_USER, DB_PASSWORD)");
            System.exit(2);
        }
        try {
            Verification verification = verify(url, argument(args, 1, "DB_USER"), argument(args, 2, "DB_PASSWORD"));
            System.out.println("Entries checked:  " + verification.entriesChecked());
            System.out.println("Time taken:       " + verification.duration().toMillis() + " ms");
            System.out.println("Speed:            " + verification.entriesPerSecond() + " entries/s");
            System.out.println("First broken seq: " + (verification.intact() ? "none" : verification.firstBrokenSeq()));
            System.out.println(verification.intact() ? "The chain is intact."
                    : "The chain is BROKEN at entry " + verification.firstBrokenSeq() + ": " + verification.problem());
            System.exit(verification.intact() ? 0 : 1);
        } catch (SQLException unreadable) {
            System.err.println("The journal could not be read: " + unreadable.getMessage());
            System.exit(2);
        }
    }

    /** Verifies the journal of the database at {@code url}; user and password may be null (in the URL, or trusted). */
    public static Verification verify(String url, String user, String password) throws SQLException {
        try (Connection connection = user == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, password)) {
            return ChainVerification.verify(connection);
        }
    }

    private static String argument(String[] args, int index, String variable) {
        return args.length > index ? args[index] : System.getenv(variable);
    }
}
