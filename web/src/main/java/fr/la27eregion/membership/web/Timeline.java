package fr.la27eregion.membership.web;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.journal.control.SubjectTimeline;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.platform.web.JournalWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An organisation's timeline as people read it, newest first, a page at a time, from the journal entries
 * {@link Organisations#timeline} finds:
 * each act labelled in the reader's language ({@code journal.action.<action>}), the membership's state before and
 * after, the reason given, and what the act was about (the contact's name, the profile fields changed).
 */
@ApplicationScoped
public class Timeline {

    /**
     * One act: when (UTC; pages show it in Paris time), who ({@code null} for someone without an account, {@code
     * system} for the daily job), what, the states before and after (enum names and their labels), the reason and
     * what it was about.
     */
    public record Entry(long seq, Instant at, String actor, String action, String before, String beforeLabel,
                        String after, String afterLabel, String reason, String subject) implements Serializable {

        /** Whether the act moved the membership from one state to another. */
        public boolean changedState() {
            return before != null && after != null && !before.equals(after);
        }
    }

    /**
     * Some of the timeline, newest first.
     *
     * @param olderBefore the number to ask the next, older, page before; null when there is nothing older
     */
    public record Page(List<Entry> entries, Long olderBefore) implements Serializable {
    }

    /** How many entries a page shows, and "show older events" adds. */
    public static final int PAGE_SIZE = 20;

    private static final String STATE = "membership.MembershipState.";

    @Inject
    private Organisations organisations;

    /** The organisation's newest entries. */
    public Page newest(long organisationId) {
        return olderThan(organisationId, null);
    }

    /** The organisation's entries numbered below {@code before}, newest first. */
    public Page olderThan(long organisationId, Long before) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        SubjectTimeline.Page page = organisations.timeline(organisationId, before, PAGE_SIZE);
        // a contact's entries keep its id, not its name (GDPR erasure): the names are read from the contacts
        Map<Long, String> names = organisations.contactNames(organisationId, page.entries().stream()
                .map(Timeline::contactId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return new Page(page.entries().stream().map(entry -> entry(entry, bundle, names)).toList(),
                page.nextBefore());
    }

    private static Entry entry(JournalEntry entry, ResourceBundle bundle, Map<Long, String> names) {
        String before = entry.stateBefore().orElse(null);
        String after = entry.stateAfter().orElse(null);
        String actor = "anonymous".equals(entry.actor()) ? null : entry.actor();
        return new Entry(entry.seq(), entry.recordedAt(), actor,
                label(bundle, JournalWords.ACTION + entry.action(), entry.action()),
                before, before == null ? null : label(bundle, STATE + before, before),
                after, after == null ? null : label(bundle, STATE + after, after),
                entry.reason().orElse(null), subject(entry, bundle, names));
    }

    /** The contact an entry is about, or the profile fields it changed; null when the action says it all. */
    private static String subject(JournalEntry entry, ResourceBundle bundle, Map<Long, String> names) {
        if (entry.action().startsWith("contact.")) {
            // never the name an entry written before V29 may hold: it would show an erased person's name again
            Long id = contactId(entry);
            String name = id == null ? null : names.get(id);
            return Contact.ERASED.equals(name) ? label(bundle, "timeline.contactErased", name) : name;
        }
        JsonObject details = entry.details().map(Timeline::json).orElse(null);
        if (details == null) {
            return null;
        }
        if ("organisation.update".equals(entry.action()) && details.containsKey("before")
                && details.containsKey("after")) {
            JsonObject before = details.getJsonObject("before");
            JsonObject after = details.getJsonObject("after");
            TreeSet<String> fields = new TreeSet<>(after.keySet());
            fields.addAll(before.keySet());
            return fields.stream().filter(field -> !Objects.equals(text(before, field), text(after, field)))
                    .map(field -> label(bundle, "timeline.field." + field, field)).collect(Collectors.joining(", "));
        }
        return null;
    }

    /** The contact an entry is about, or null. */
    private static Long contactId(JournalEntry entry) {
        return entry.entityType().filter("Contact"::equals).flatMap(type -> entry.entityId())
                .filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static String label(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException unknown) {
            return fallback;
        }
    }
}
