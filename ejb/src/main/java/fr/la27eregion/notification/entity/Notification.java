package fr.la27eregion.notification.entity;

import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
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

    /** The JSON-P provider, found once ({@code Json.create*} looks it up through the ServiceLoader on each call). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * From the identity column's sequence, 50 at a time (it steps by 50, V11): no {@code select lastval()} after
     * each INSERT.
     */
    @Id
    @SequenceGenerator(name = "notification_id", sequenceName = "notification_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
    private Long id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "message_key", nullable = false, length = 100, updatable = false)
    private String messageKey;

    /** The length of the stored arguments (the column's). */
    static final int MAX_ARGUMENTS = 2000;

    /** The arguments of the message as a JSON array of strings. */
    @Column(nullable = false, length = MAX_ARGUMENTS, updatable = false)
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
        this.arguments = stored(arguments);
    }

    /**
     * The arguments as the column keeps them: a JSON array of strings of at most {@link #MAX_ARGUMENTS} characters.
     * A motivation alone may have 2,000 characters (a membership's reason) and comes with the organisation's name
     * and a link, so when the whole does not fit, the longest argument is shortened, marked with an ellipsis. The
     * list shows the subject only (the organisation's name), and the full motivation stays on the record, in the
     * journal and in the mail, so nothing is lost that a reader needs, and a decision is never refused for it.
     */
    static String stored(List<String> arguments) {
        List<String> values = new java.util.ArrayList<>();
        arguments.forEach(argument -> values.add(argument == null ? "" : argument));
        String json = json(values);
        while (json.length() > MAX_ARGUMENTS) {
            int longest = 0;
            for (int i = 1; i < values.size(); i++) {
                if (values.get(i).length() > values.get(longest).length()) {
                    longest = i;
                }
            }
            String text = values.get(longest);
            // escapes make the JSON longer than the text: cut at least the excess, and again if still too long
            int keep = Math.max(0, text.length() - (json.length() - MAX_ARGUMENTS) - 1);
            if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
                keep--;
            }
            if (keep == 0 && text.length() <= 1) {
                throw new IllegalArgumentException("The arguments of a notification cannot fit: " + values);
            }
            values.set(longest, text.substring(0, keep) + "…");
            json = json(values);
        }
        return json;
    }

    private static String json(List<String> values) {
        jakarta.json.JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
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
        try (jakarta.json.JsonReader reader = JSON.createReader(new java.io.StringReader(arguments))) {
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
