package fr.la27eregion.platform.rules;

import jakarta.ejb.ApplicationException;

/**
 * The caller's roles allow the use case, but not on this record: another organisation's records, for a
 * coordinator or a contributor (DESIGN §2, organisation scoping). The API answers 403.
 */
@ApplicationException(rollback = true)
public class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessRefused(String message) {
        super(message);
    }
}
