package fr.la27eregion.notification.web;

import fr.la27eregion.notification.boundary.FailedMails;
import fr.la27eregion.notification.boundary.FailedMails.Failed;
import fr.la27eregion.platform.web.PagedRows;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;

/**
 * The secretariat's page of the mail that failed for good ({@code /app/admin/mail.xhtml}): the outbox's unsent mail
 * after its last attempts, a page at a time, each with what went wrong in plain words, and "send again". Thin: the
 * {@link FailedMails} boundary checks the right, the mail's version (its attempts) and journals.
 */
@Named
@ViewScoped
public class FailedMailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FailedMails mails;

    private LazyDataModel<Failed> list;

    @PostConstruct
    void init() {
        list = PagedRows.of(mails::count, mails::page, Failed::id);
    }

    /** Sends the mail again as the page showed it; a mail tried since is refused as stale, said plainly. */
    public void requeue(Failed mail) {
        try {
            mails.requeue(mail.id(), mail.attempts());
            RuleMessages.info("mail.requeued", mail.recipient());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
    }

    public LazyDataModel<Failed> getList() {
        return list;
    }
}
