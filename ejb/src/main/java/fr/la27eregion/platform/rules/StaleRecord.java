package fr.la27eregion.platform.rules;

import jakarta.ejb.ApplicationException;

/**
 * The record was changed by someone else since the caller read it (its version moved on): the change is refused
 * rather than lost. The API answers 409; a page asks the person to reload and try again.
 */
@ApplicationException(rollback = true)
public class StaleRecord extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleRecord(String message) {
        super(message);
    }
}
