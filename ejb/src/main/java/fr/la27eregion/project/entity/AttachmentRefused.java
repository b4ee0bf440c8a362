package fr.la27eregion.project.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.ApplicationException;

/**
 * An attachment refused, with the reason a person reads beside the upload field and a program reads as the status
 * of the API's answer ({@link Reason}): too large (413), a type the catalogue does not take (415), an empty file or
 * an unusable name (422). Always about the field {@code file}.
 */
@ApplicationException(rollback = true)
public class AttachmentRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    /** Why, with the key of its message ({@code project.attachment.<REASON>}). */
    public enum Reason {
        /** No byte at all. */
        EMPTY,
        /** Over {@code projects.attachments.max-bytes}. */
        TOO_LARGE,
        /** The content is not a PDF, ODT, DOCX, PNG or JPEG (an executable renamed {@code .pdf}, a ZIP...). */
        TYPE,
        /** The name says one type, the content is another ({@code photo.pdf} holding a PNG). */
        MISLABELLED,
        /** No name, or nothing left of it once cleaned. */
        NAME,
        /** A folder path in the name ({@code ../../etc/passwd.pdf}, {@code C:\x\y.pdf}). */
        PATH
    }

    public static final String FIELD = "file";

    private final Reason reason;

    public AttachmentRefused(Reason reason, String message, Object... arguments) {
        super(FIELD, "project.attachment." + reason.name(), message, arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
