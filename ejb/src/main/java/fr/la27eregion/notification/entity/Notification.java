package fr.la27eregion.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An entry of an organisation's in-app notification list. Kept as a message key and its arguments, so each reader
 * sees it in their own language.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.OF_ORGANISATION, query = "SELECT n FROM Notification n"
        + " WHERE n.organisationId = :organisation ORDER BY n.createdAt DESC, n.id DESC")
@NamedQuery(name = Notification.UNREAD_OF_ORGANISATION, query = "SELECT COUNT(n) FROM Notification n"
        + " WHERE n.organisationId = :organisation AND n.readAt IS NULL")
public class Notification implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_ORGANISATION = "Notification.ofOrganisation";
    public static final String UNREAD_OF_ORGANISATION = "Notification.unreadOfOrganisation";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "message_key", nullable = false, length = 100, updatable = false)
    private String messageKey;

    /** The arguments of the message as a JSON array of strings. */
    @Column(nullable = false, length = 2000, updatable = false)
    private String arguments;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
        // for JPA
    }

    public Notification(long organisationId, Instant createdAt, String messageKey, List<String> arguments) {
        this.organisationId = organisationId;
        this.createdAt = createdAt;
        this.messageKey = messageKey;
        jakarta.json.JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        arguments.forEach(argument -> array.add(argument == null ? "" : argument));
        this.arguments = array.build().toString();
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getMessageKey() {
        return messageKey;
    }

    /** The arguments, in order. */
    public List<String> getArguments() {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(arguments))) {
            return reader.readArray().getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList();
        }
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
