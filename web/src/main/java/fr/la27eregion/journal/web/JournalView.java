package fr.la27eregion.journal.web;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.journal.control.JournalQuery;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.web.Dates;
import fr.la27eregion.platform.web.JournalWords;
import fr.la27eregion.platform.web.PageAddress;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.context.FacesContext;
import fr.la27eregion.audit.boundary.Exports;
import fr.la27eregion.audit.web.ExportAsking;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backs {@code app/audit/journal.xhtml}, the journal browser of auditors and the secretariat. The filters and the
 * page are the address's parameters (a GET form, no postback): a view of the journal is an address to bookmark and
 * share. A page is one indexed query ({@link JournalAudit#browse}): the entries numbered below {@code before},
 * newest first; "next" carries the last number shown, "newest" drops it. Never a count of the whole journal. A
 * malformed parameter is said beside its field, and no entry is shown then.
 */
@Named
@RequestScoped
public class JournalView {

    /** Entries per page. */
    static final int ROWS = 50;

    /** The path of this page. */
    static final String PAGE = "/app/audit/journal.xhtml";

    /** A state's words by the journal's entity type: the bundle's enum prefix of its states. */
    private static final JsonWriterFactory PRETTY =
            Jsons.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    /**
     * An entry as a row of the browser shows it, every word already in the reader's language: the page reads
     * properties only (50 rows of a dozen cells; an EL method call per cell was a sixth of the page's time).
     */
    public static final class Line {
        private final long seq;
        private final String utc;
        private final String time;
        private final String actor;
        private final String roles;
        private final String action;
        private final String actionWords;
        private final String entityType;
        private final String entityId;
        private final String record;
        private final State before;
        private final State after;
        private final String reason;
        private final String details;
        private final String requestId;
        private final String prevHash;
        private final String hash;

        Line(JournalEntry entry, JournalView view, Dates dates) {
            seq = entry.seq();
            utc = CanonicalEntry.timestamp(entry.recordedAt());
            time = dates.dateTime(entry.recordedAt());
            actor = entry.actor();
            roles = entry.actorRoles().isEmpty() ? null : Arrays.stream(entry.actorRoles().split(","))
                    .map(view::role).collect(Collectors.joining(", "));
            action = entry.action();
            actionWords = view.words.action(action);
            entityType = entry.entityType().orElse(null);
            entityId = entry.entityId().orElse(null);
            record = entityType == null ? null : view.type(entityType);
            before = entry.stateBefore().map(state -> view.stateOf(entityType, state)).orElse(null);
            after = view.stateOf(entityType, entry.stateAfter().orElse(null));
            reason = entry.reason().orElse(null);
            details = entry.details().map(JournalView::pretty).orElse(null);
            requestId = entry.requestId().orElse(null);
            prevHash = entry.prevHash();
            hash = entry.hash();
        }

        public long getSeq() {
            return seq;
        }

        /** The time in UTC as the chain hashes it ({@code <time datetime>}). */
        public String getUtc() {
            return utc;
        }

        /** The time in Paris, as the reader writes it. */
        public String getTime() {
            return time;
        }

        public String getActor() {
            return actor;
        }

        /** The actor's roles at the time, in the reader's words; null when none were recorded. */
        public String getRoles() {
            return roles;
        }

        public String getAction() {
            return action;
        }

        public String getActionWords() {
            return actionWords;
        }

        public String getEntityType() {
            return entityType;
        }

        public String getEntityId() {
            return entityId;
        }

        /** The record's type in the reader's words. */
        public String getRecord() {
            return record;
        }

        public State getBefore() {
            return before;
        }

        public State getAfter() {
            return after;
        }

        public String getReason() {
            return reason;
        }

        public String getDetails() {
            return details;
        }

        public String getRequestId() {
            return requestId;
        }

        public String getPrevHash() {
            return prevHash;
        }

        public String getHash() {
            return hash;
        }

        /** The first characters of the hash, to read at a glance (the whole hash is beside it). */
        public String getShortHash() {
            return shortHash(hash);
        }
    }

    /**
     * A state as shown: its words, and their language ({@code zxx}, data, when the bundle does not name it and the
     * code itself is shown; null: the page's).
     */
    public static final class State {
        private final String words;
        private final String language;

        State(String words, String language) {
            this.words = words;
            this.language = language;
        }

        public String getWords() {
            return words;
        }

        public String getLanguage() {
            return language;
        }
    }


    @Inject
    private JournalAudit audit;

    @Inject
    private JournalWords words;

    @Inject
    private Exports exports;

    @Inject
    private Language language;

    @Inject
    private Dates dates;

    // the view parameters, as typed in the address
    private String from;
    private String to;
    private String actor;
    private String action;
    private String entityType;
    private String entityId;
    private String organisation;
    private String programme;
    private String before;

    private JournalFilter filter;
    private Long beforeSeq;
    private JournalQuery.Page page;
    private List<Line> lines = List.of();
    private final Map<String, String> errors = new HashMap<>();
    // the filters' choices (value sent, name shown), read once a request however often the page asks
    private List<SelectItem> actions;
    private List<SelectItem> entityTypes;
    private List<SelectItem> organisations;
    private List<SelectItem> programmes;

    /** Reads the filters and the key from the address, then the page's entries (f:viewAction). */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(language.getLocale());
        ExternalContext external = faces.getExternalContext();
        if (!external.isUserInRole(Role.AUDITOR_NAME) && !external.isUserInRole(Role.NETWORK_ADMIN_NAME)) {
            external.setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            filter = JournalFilter.parse(from, to, actor, action, entityType, entityId, organisation, programme);
        } catch (RuleViolation refused) {
            errors.put(refused.field().orElse("from"), RuleMessages.text(refused));
            return;
        }
        if (before != null && !before.isBlank()) {
            try {
                beforeSeq = Long.valueOf(before.strip());
            } catch (NumberFormatException notANumber) {
                beforeSeq = 0L;
            }
            if (beforeSeq < 1) {
                errors.put("before", RuleMessages.text("journal.browse.badBefore"));
                filter = null;
                return;
            }
        }
        page = audit.browse(filter, beforeSeq, ROWS);
        lines = page.entries().stream().map(entry -> new Line(entry, this, dates)).toList();
    }

    /**
     * Asks for an export of the entries the filters select (all pages), in {@code format}, then shows the exports
     * page, where it is followed; a filter that breaks a rule is said beside its field, as for browsing.
     */
    public String export(String format) {
        String outcome = ExportAsking.ask(format, asked -> exports.exportJournal(JournalFilter.parse(from, to, actor,
                action, entityType, entityId, organisation, programme), asked));
        if (outcome == null) {
            // the same page again, its entries read, with the refusal beside the buttons
            load();
        }
        return outcome;
    }

    /** Whether the caller may read the journal (else the page says 403). */
    public boolean isAllowed() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.AUDITOR_NAME) || external.isUserInRole(Role.NETWORK_ADMIN_NAME);
    }

    /** Whether the address could be read (no refused parameter): the entries are shown. */
    public boolean isShown() {
        return page != null;
    }

    /** The page's entries, newest first. */
    public List<Line> getLines() {
        return lines;
    }

    /** The address of the next (older) page with the same filters, or null on the last page. */
    public String getNextAddress() {
        return page == null || page.nextBefore() == null ? null : address(page.nextBefore());
    }

    /** The address of the newest entries with the same filters, or null when this page is the newest. */
    public String getNewestAddress() {
        return beforeSeq == null || filter == null ? null : address(null);
    }

    /** The message of a refused parameter, null when it was accepted. */
    public String error(String field) {
        return errors.get(field);
    }

    /** Whether any filter is given. */
    public boolean isFiltered() {
        return filter != null && !filter.isEmpty();
    }

    /** The actions the journal holds, each named in the reader's language when the bundle names it. */
    public List<SelectItem> getActions() {
        if (actions == null) {
            actions = audit.actions().stream().map(code -> {
            String name = words.action(code);
                return new SelectItem(code, name.equals(code) ? code : name + " (" + code + ")");
            }).toList();
        }
        return actions;
    }

    /** The entity types the journal holds, each named in the reader's language when the bundle names it. */
    public List<SelectItem> getEntityTypes() {
        if (entityTypes == null) {
            entityTypes = audit.entityTypes().stream().map(code -> new SelectItem(code, type(code))).toList();
        }
        return entityTypes;
    }

    public List<SelectItem> getOrganisations() {
        if (organisations == null) {
            organisations = audit.organisations().stream()
                    .map(choice -> new SelectItem(String.valueOf(choice.id()), choice.nameFr())).toList();
        }
        return organisations;
    }

    public List<SelectItem> getProgrammes() {
        if (programmes == null) {
            String code = language.getCode();
            programmes = audit.programmes().stream()
                    .map(choice -> new SelectItem(String.valueOf(choice.id()), choice.name(code))).toList();
        }
        return programmes;
    }

    /** A role in the reader's words. */
    public String role(String role) {
        return words.word("identity.Role." + role, role);
    }

    /** The first characters of a hash, to read at a glance (the whole hash is beside it). */
    public static String shortHash(String hash) {
        return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

    /** A record type in the reader's words ({@code journal.type.<Type>}), its code when the bundle has none. */
    private String type(String type) {
        return words.word("journal.type." + type, type);
    }

    /**
     * A state in the reader's words where the bundle names the states of that entity type; the code itself, marked
     * as data ({@code zxx}), when it does not (a state of a record type the platform does not name, such as the
     * tests' own).
     */
    private State stateOf(String type, String state) {
        String shown = words.state(type, state);
        return new State(shown, state == null || !state.equals(shown) ? null : "zxx");
    }

    private static String pretty(String json) {
        try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            StringWriter text = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(text)) {
                writer.writeObject(object);
            }
            return text.toString().strip();
        }
    }

    private String address(Long key) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("actor", actor);
        parameters.put("action", action);
        parameters.put("entityType", entityType);
        parameters.put("entityId", entityId);
        parameters.put("organisation", organisation);
        parameters.put("programme", programme);
        parameters.put("before", key == null ? null : key.toString());
        return PageAddress.of(PAGE, parameters);
    }

    // view parameters

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
