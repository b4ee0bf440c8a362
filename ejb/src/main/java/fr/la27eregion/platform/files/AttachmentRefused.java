package fr.la27eregion.platform.files;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.ApplicationException;

/**
 * An attachment refused, with the reason a person reads beside the upload field and a program reads as the status
 * of the API's answer ({@link Reason}): too large (413), a type the platform does not take (415), an empty file or
 * an unusable name (422). Always about the field {@code file}.
 *
 * <p>The rule's key is {@code <family>.<REASON>}: each feature that takes files names its family (the projects'
 * {@code project.attachment}, the label applications' {@code label.attachment}), so its messages speak of its own
 * records while the checks stay one. The checks themselves refuse in the family {@value #CHECKS}; the feature's
 * store puts the refusal in its own ({@link #in(String)}).
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

    /** The family of the checks' own refusals, before a feature names its own. */
    public static final String CHECKS = "file";

    private final Reason reason;
    private final String family;

    public AttachmentRefused(Reason reason, String message, Object... arguments) {
        this(CHECKS, reason, message, arguments);
    }

    private AttachmentRefused(String family, Reason reason, String message, Object... arguments) {
        super(FIELD, family + "." + reason.name(), message, arguments);
        this.reason = reason;
        this.family = family;
    }

    /** The same refusal in a feature's family of rules ({@code project.attachment}). */
    public AttachmentRefused in(String family) {
        return family.equals(this.family) ? this
                : new AttachmentRefused(family, reason, getMessage(), arguments().toArray());
    }

    public Reason reason() {
        return reason;
    }
}
