package fr.la27eregion.journal.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.RecordHistory;
import fr.la27eregion.journal.control.RecordKind;
import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * One record's timeline for auditors and the secretariat (read-only): everything the journal holds about a
 * membership, an organisation, a project, a label application or a label, oldest first, and its state at any
 * chosen instant reconstructed from the journal. The page and the API both ask here, so both tell the same.
 */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class RecordTimelines {

    @Inject
    private RecordHistory history;

    /**
     * The record's entries numbered above {@code after} (from the first when null), oldest first, at most
     * {@code size} (1 to {@value RecordHistory#MAX_PAGE}).
     *
     * @throws RecordNotFound no such record
     */
    public RecordHistory.Page entries(RecordKind kind, long id, Long after, int size) {
        known(kind, id);
        return history.page(kind, Long.toString(id), after, size);
    }

    /**
     * The record's state at {@code at}: the state set by the last transition of its machine recorded at or before
     * that instant (an organisation's: its membership's), which entry set it, and whether the record existed then.
     *
     * @throws RecordNotFound no such record
     */
    public RecordHistory.StateAt stateAt(RecordKind kind, long id, Instant at) {
        known(kind, id);
        return history.stateAt(kind, Long.toString(id), at);
    }

    private void known(RecordKind kind, long id) {
        if (!history.exists(kind, id)) {
            throw new RecordNotFound("No " + kind.urlName() + " " + id + ".");
        }
    }
}
