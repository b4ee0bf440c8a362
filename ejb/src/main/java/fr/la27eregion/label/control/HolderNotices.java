package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.Label;
import fr.la27eregion.notification.control.Notifications;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/**
 * What the holder organisation of a label is told, in the transaction that makes the change (its in-app list, and
 * a mail to each of its coordinator contacts in the outbox, which leaves after commit, as {@link LabelNotices}
 * does for applications): its label expired, was suspended, reinstated or revoked (with the motivation), and the
 * reminder to apply for its renewal. The texts are {@code <act>.subject} and {@code <act>.body} of the
 * notification bundle, with the arguments {0} project title, {1} certificate number, {2} the motivation or the last
 * day of validity, {3} the label's intranet page.
 */
@Dependent
public class HolderNotices {

    /** The reminder to apply for a renewal before the validity ends (the daily job's). */
    public static final String RENEWAL_REMINDER = LabelTransitions.NAME + ".renewal-reminder";

    @Inject
    private LabelNotices applicants;

    @Inject
    private Notifications notifications;

    @Inject
    private LabelSettings settings;

    @Inject
    private Clock clock;

    /** Tells the holder organisation; {@code text} is the message's {2} (null: empty). */
    public void tell(Label label, String key, String text) {
        long organisation = label.organisation().id();
        notifications.tell(organisation, applicants.coordinators(organisation), key, List.of(label.project().title(),
                label.certificateNumber(), text == null ? "" : text, settings.labelPage(label.id())), clock.instant());
    }
}
