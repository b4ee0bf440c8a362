package fr.la27eregion.journal.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/** The journal for auditors and the secretariat: verify the chain, read one record's history. */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class JournalAudit {

    private static final Logger LOG = Logger.getLogger(JournalAudit.class.getName());

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    /**
     * Recomputes every hash and link from entry 1 and names the first broken entry. Streams the journal (10
     * million entries take about a minute and little memory) in a read-only snapshot of its own, outside any
     * container transaction, so no transaction timeout cuts a long verification short.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        try (Connection connection = dataSource.getConnection()) {
            Verification verification = ChainVerification.verify(connection);
            LOG.info(() -> "Journal verification: " + verification.summary());
            return verification;
        } catch (SQLException failed) {
            throw new IllegalStateException("The journal could not be read for verification", failed);
        }
    }

    /** Every entry about one record, oldest first. */
    public List<JournalEntry> history(String entityType, String entityId) {
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", entityType)
                .setParameter("entityId", entityId)
                .getResultList();
    }
}
