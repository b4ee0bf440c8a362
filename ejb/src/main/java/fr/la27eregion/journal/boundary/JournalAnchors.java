package fr.la27eregion.journal.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.control.AnchorRecords;
import fr.la27eregion.journal.control.Anchoring;
import fr.la27eregion.journal.control.JournalAnchor;
import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The journal's anchors for the secretariat and auditors: anchor the head now (beside the daily job,
 * {@link JournalSchedule}), and list the anchors. Anchoring changes no record: it adds a proof about the journal
 * and a journal entry ({@code journal.anchor}), which is why auditors, who change nothing, may do it too.
 */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class JournalAnchors {

    /** At most this many anchors are listed (one a day: about a month). */
    public static final int LISTED = 31;

    @Inject
    private Anchoring anchoring;

    @Inject
    private AnchorRecords records;

    @Resource
    private SessionContext session;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /**
     * Anchors the head now, time-stamped when an authority is configured; outside any transaction, so that the
     * authority's answer is not waited for with a transaction open (the anchor is kept in one of its own).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    // the secretariat's only: an auditor reads and checks the anchors but changes nothing, not even the anchors
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public JournalAnchor anchorNow() {
        return anchoring.anchor(session.getCallerPrincipal().getName());
    }

    /**
     * Checks every anchor against the chain and its time stamp against the configured authority's certificate
     * ({@link AnchorVerification}), oldest first. Reads outside a transaction (thousands of anchors, one a day).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AnchorVerification.Check> verify() {
        try (Connection connection = dataSource.getConnection()) {
            return AnchorVerification.verify(connection, anchoring.trusted());
        } catch (SQLException | IOException failed) {
            throw new IllegalStateException("The anchors could not be checked", failed);
        }
    }

    /** The newest anchors, newest first. */
    public List<JournalAnchor> newest() {
        return records.newest(LISTED);
    }
}
