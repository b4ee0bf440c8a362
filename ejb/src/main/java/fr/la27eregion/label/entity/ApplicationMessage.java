package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * A message of an application's conversation between the secretariat and the applicant. Written once and kept
 * with the record: no setter changes it, and auditors read it.
 */
@Entity
@Table(name = "application_message")
@NamedQuery(name = ApplicationMessage.OF_APPLICATION, query = "SELECT m FROM ApplicationMessage m"
        + " WHERE m.application.id = :application ORDER BY m.sentAt, m.id")
public class ApplicationMessage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_APPLICATION = "ApplicationMessage.ofApplication";
    public static final int MAX_BODY = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private LabelApplication application;

    @Column(name = "author_account_id", nullable = false, updatable = false)
    private Long authorAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_side", nullable = false, length = 12, updatable = false)
    private MessageSide authorSide;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected ApplicationMessage() {
        // for JPA
    }

    /**
     * A message, checked: 1 to {@value #MAX_BODY} characters.
     *
     * @throws RuleViolation naming {@code body}
     */
    public static ApplicationMessage write(LabelApplication application, Long authorAccountId, MessageSide side,
                                           String body, Instant now) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("body", "label.field.required", "A message has a text.");
        }
        if (text.length() > MAX_BODY) {
            throw new RuleViolation("body", "label.field.tooLong", "A message has at most " + MAX_BODY
                    + " characters.", MAX_BODY);
        }
        ApplicationMessage message = new ApplicationMessage();
        message.application = application;
        message.authorAccountId = authorAccountId;
        message.authorSide = side;
        message.body = text;
        message.sentAt = now;
        return message;
    }

    public Long id() {
        return id;
    }

    public LabelApplication application() {
        return application;
    }

    public Long authorAccountId() {
        return authorAccountId;
    }

    public MessageSide authorSide() {
        return authorSide;
    }

    public String body() {
        return body;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
