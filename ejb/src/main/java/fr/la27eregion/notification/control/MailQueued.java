package fr.la27eregion.notification.control;

import java.util.List;

/** Fired when mail was written to the outbox; observed after commit to send it at once rather than at the next retry. */
public record MailQueued(List<Long> mailIds) {
}
