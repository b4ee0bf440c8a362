package fr.la27eregion.notification.web;

import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.notification.boundary.Notices;
import fr.la27eregion.notification.entity.Notification;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code app/notifications.xhtml}: the latest entries of the caller's organisation's list, each in the
 * reader's language, the unread ones marked and markable as read.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many entries the page shows. */
    static final int SHOWN = 50;

    /** An entry as the list shows it. */
    public record Row(long id, Instant at, String text, boolean read) implements Serializable {
    }

    @Inject
    private Organisations organisations;

    @Inject
    private Notices notices;

    private Long organisationId;
    private String organisationName;
    private List<Row> rows = List.of();

    @PostConstruct
    void load() {
        organisations.mine().ifPresent(organisation -> {
            organisationId = organisation.id();
            organisationName = organisation.name();
        });
        read();
    }

    private void read() {
        if (organisationId == null) {
            return;
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        rows = notices.of(organisationId, SHOWN).stream().map(notification -> row(notification, locale)).toList();
    }

    private Row row(Notification notification, Locale locale) {
        return new Row(notification.getId(), notification.getCreatedAt(), notices.text(notification, locale),
                notification.isRead());
    }

    public void markRead(Row row) {
        try {
            notices.markRead(row.id());
            RuleMessages.info("notifications.marked");
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
        read();
    }

    public boolean isMember() {
        return organisationId != null;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public List<Row> getRows() {
        return rows;
    }

    public long getUnread() {
        return rows.stream().filter(row -> !row.read()).count();
    }
}
