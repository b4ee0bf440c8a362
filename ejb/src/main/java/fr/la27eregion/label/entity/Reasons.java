package fr.la27eregion.label.entity;

/** The one check of a written reason (a motivation), shared by the label feature's three workflows. */
final class Reasons {

    /** The longest reason a record keeps ({@code last_reason varchar(2000)}). */
    static final int MAX_REASON = 2000;

    private Reasons() {
    }

    /** The reason given, stripped, null when blank; refused when the line needs one and none was given. */
    static String check(Enum<?> action, boolean required, String given) {
        String reason = given == null || given.isBlank() ? null : given.strip();
        if (required && reason == null) {
            throw new LabelRefused(LabelRefused.Rule.REASON_REQUIRED, "reason", action + " needs a reason");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new LabelRefused(LabelRefused.Rule.REASON_TOO_LONG, "reason",
                    "A reason has at most " + MAX_REASON + " characters", MAX_REASON);
        }
        return reason;
    }
}
