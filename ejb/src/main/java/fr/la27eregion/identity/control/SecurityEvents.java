package fr.la27eregion.identity.control;

import fr.la27eregion.platform.request.ClientNetwork;
import fr.la27eregion.platform.request.CurrentRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Counts security events (refused logins) per client address, minute and kind, so that the journal keeps them on
 * the record without letting a caller grow it at will: the caller journals an event only when it is the first of
 * its kind from its address in that minute, and every one of them, the first included, adds one to the count of
 * {@code security_event_count}. An auditor reads "from 192.0.2.7, at 10:42, the first refused login (journaled,
 * chained) and 1,200 in all (counted)".
 *
 * <p>The count is written in the caller's transaction, by an upsert that the database serializes per row, so two
 * concurrent refusals cannot both believe they are the first. The counts are not chained like the journal (they
 * change in place) and may be pruned; the first event of each minute stays in the journal.
 */
@Dependent
public class SecurityEvents {

    /** The address recorded when a request's client address is not known (outside an HTTP request). */
    public static final String UNKNOWN_ADDRESS = "unknown";

    private static final String COUNT = "INSERT INTO security_event_count (address, minute, kind, count)"
            + " VALUES (?1, ?2, ?3, 1) ON CONFLICT (address, minute, kind)"
            + " DO UPDATE SET count = security_event_count.count + 1 RETURNING count";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentRequest request;

    /** The client address of the request being served, as the journal and the counts name it. */
    public String address() {
        return CurrentRequest.clientAddressOf(request).orElse(UNKNOWN_ADDRESS);
    }

    /**
     * Counts one event of this kind from the current client's network at {@code now}: its IPv4 address, or the
     * /64 of its IPv6 address ({@link ClientNetwork}), so that the addresses of one /64 cannot each journal "the
     * first of this minute".
     *
     * @return whether it is the first of its kind from that network in that minute (then journal it)
     */
    public boolean countFirst(String kind, Instant now) {
        Object count = em.createNativeQuery(COUNT).setParameter(1, ClientNetwork.of(address()))
                .setParameter(2, now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
                .setParameter(3, kind).getSingleResult();
        return ((Number) count).longValue() == 1;
    }
}
