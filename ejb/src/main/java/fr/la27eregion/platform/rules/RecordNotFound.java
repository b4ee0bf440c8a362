package fr.la27eregion.platform.rules;

import jakarta.ejb.ApplicationException;

/** The record asked for does not exist (or no longer does). The API answers 404. */
@ApplicationException(rollback = true)
public class RecordNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordNotFound(String message) {
        super(message);
    }
}
