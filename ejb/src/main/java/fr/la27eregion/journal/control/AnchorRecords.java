package fr.la27eregion.journal.control;

import fr.la27eregion.journal.control.JournalAnchor.Status;
import fr.la27eregion.platform.database.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The anchors kept in {@code journal_anchor}: written (with the journal entry) and read. */
@ApplicationScoped
public class AnchorRecords {

    private static final String COLUMNS = "id, anchored_at, anchored_by, head_seq, head_hash, tsa_status, tsa_url,"
            + " tsa_time, tsa_problem";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /** Keeps an anchor and journals it ({@code journal.anchor}, last), in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public JournalAnchor keep(String by, long seq, String hash, Status status, String url, byte[] token,
                              Instant tsaTime, String problem) {
        String shortProblem = problem == null ? null : problem.substring(0, Math.min(2000, problem.length()));
        Instant now = clock.instant();
        long id = ((Number) em.createNativeQuery("INSERT INTO journal_anchor (anchored_at, anchored_by, head_seq,"
                        + " head_hash, tsa_status, tsa_url, tsa_token, tsa_time, tsa_problem)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, ''::bytea),"
                        + " CAST(?8 AS timestamp with time zone), ?9) RETURNING id")
                .setParameter(1, Timestamp.from(now)).setParameter(2, by).setParameter(3, seq)
                .setParameter(4, hash).setParameter(5, status.name()).setParameter(6, url)
                .setParameter(7, token == null ? new byte[0] : token)
                .setParameter(8, tsaTime == null ? null : Timestamp.from(tsaTime))
                .setParameter(9, shortProblem).getSingleResult()).longValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("seq", seq);
        details.put("hash", hash);
        details.put("timestamp", status.name());
        journal.append("journal.anchor", "JournalAnchor", String.valueOf(id), null, null, null, details);
        return new JournalAnchor(id, now, by, seq, hash, status, url, tsaTime, shortProblem);
    }

    /**
     * The newest anchors, at most {@code limit}: by number (the order they were written in, which a clock set back
     * or forward cannot change), through the primary key.
     */
    public List<JournalAnchor> newest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM journal_anchor"
                + " ORDER BY id DESC LIMIT ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(AnchorRecords::anchor).toList();
    }

    private static JournalAnchor anchor(Object[] row) {
        return new JournalAnchor(((Number) row[0]).longValue(), SqlValues.instant(row[1]), (String) row[2],
                ((Number) row[3]).longValue(), ((String) row[4]).strip(), Status.valueOf((String) row[5]),
                (String) row[6], row[7] == null ? null : SqlValues.instant(row[7]), (String) row[8]);
    }
}
