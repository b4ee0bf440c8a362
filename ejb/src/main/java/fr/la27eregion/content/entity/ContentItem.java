package fr.la27eregion.content.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.WorkflowEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A text the secretariat writes for the public pages, in French and in English (see {@link ContentKind}). Its state
 * is its workflow's ({@link ContentState}): only {@link #perform} changes it, along the line of the table that
 * {@link fr.la27eregion.platform.workflow.Transitions} found. Its texts change by {@link #revise}, which checks them
 * and says which fields changed, for the journal; its kind and key are set once, so a public address stays.
 */
@Entity
@Table(name = "content_item")
public class ContentItem extends WorkflowEntity<ContentState, ContentAction, Void> {

    private static final long serialVersionUID = 1L;

    /** How the journal names content items, as entity type and subject. */
    public static final String JOURNAL_TYPE = "ContentItem";

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_KEY = 80;

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 14, updatable = false)
    private ContentKind kind;

    @Column(name = "item_key", nullable = false, length = MAX_KEY, updatable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ContentState state;

    @Column(name = "title_fr", nullable = false, length = MAX_TITLE)
    private String titleFr;

    @Column(name = "title_en", nullable = false, length = MAX_TITLE)
    private String titleEn;

    @Column(name = "summary_fr", nullable = false, length = MAX_SUMMARY)
    private String summaryFr;

    @Column(name = "summary_en", nullable = false, length = MAX_SUMMARY)
    private String summaryEn;

    @Column(name = "body_fr", nullable = false)
    private String bodyFr;

    @Column(name = "body_en", nullable = false)
    private String bodyEn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @ElementCollection
    @CollectionTable(name = "content_project", joinColumns = @JoinColumn(name = "content_id"))
    @Column(name = "project_id")
    private Set<Long> projectIds = new HashSet<>();

    protected ContentItem() {
        // for JPA
    }

    /**
     * A new draft of these details, its key checked ({@code key}) or, for a single kind, its fixed one.
     *
     * @param sanitise what the server keeps of a rich text (the project texts' sanitiser)
     * @throws RuleViolation naming the field when a detail is wrong
     */
    public static ContentItem draft(ContentDetails details, UnaryOperator<String> sanitise, String createdBy,
                                    Instant now) {
        Objects.requireNonNull(details, "details");
        if (details.getKind() == null) {
            throw required("kind");
        }
        ContentItem item = new ContentItem();
        item.kind = details.getKind();
        item.key = keyOf(details);
        item.state = ContentState.DRAFT;
        item.createdAt = now;
        item.createdBy = createdBy;
        item.created(now);
        item.revise(details, sanitise, now);
        return item;
    }

    /** The key a new item of these details gets: the kind's own for a single kind, else the one given, checked. */
    private static String keyOf(ContentDetails details) {
        if (details.getKind().single()) {
            return details.getKind().name().toLowerCase(Locale.ROOT);
        }
        String key = details.getKey() == null ? "" : details.getKey().strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw required("key");
        }
        if (key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
            throw new RuleViolation("key", "content.rule.badKey", "The key is made of lower-case letters, digits"
                    + " and hyphens, at most " + MAX_KEY + " characters", MAX_KEY);
        }
        return key;
    }

    /**
     * Changes the texts and the projects pointed to; the kind, key and state stay.
     *
     * @return the names of the fields that changed, sorted; empty when none did
     * @throws RuleViolation naming the field when a detail is wrong
     */
    public SortedSet<String> revise(ContentDetails details, UnaryOperator<String> sanitise, Instant now) {
        String newTitleFr = text("titleFr", details.getTitleFr(), MAX_TITLE, true);
        String newTitleEn = text("titleEn", details.getTitleEn(), MAX_TITLE, true);
        String newSummaryFr = text("summaryFr", details.getSummaryFr(), MAX_SUMMARY, false);
        String newSummaryEn = text("summaryEn", details.getSummaryEn(), MAX_SUMMARY, false);
        String newBodyFr = text("bodyFr", sanitise.apply(details.getBodyFr()), MAX_BODY, false);
        String newBodyEn = text("bodyEn", sanitise.apply(details.getBodyEn()), MAX_BODY, false);
        Set<Long> newProjects = new HashSet<>(details.getProjectIds());
        newProjects.remove(null);
        SortedSet<String> changed = new TreeSet<>();
        change(changed, "titleFr", titleFr, newTitleFr);
        change(changed, "titleEn", titleEn, newTitleEn);
        change(changed, "summaryFr", summaryFr, newSummaryFr);
        change(changed, "summaryEn", summaryEn, newSummaryEn);
        change(changed, "bodyFr", bodyFr, newBodyFr);
        change(changed, "bodyEn", bodyEn, newBodyEn);
        change(changed, "projectIds", projectIds, newProjects);
        titleFr = newTitleFr;
        titleEn = newTitleEn;
        summaryFr = newSummaryFr;
        summaryEn = newSummaryEn;
        bodyFr = newBodyFr;
        bodyEn = newBodyEn;
        if (!projectIds.equals(newProjects)) {
            projectIds.clear();
            projectIds.addAll(newProjects);
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    @Override
    public void perform(TransitionTable.Transition<ContentState, ContentAction> line, Void inputs) {
        state = line.to();
        keepReason(null);
    }

    /** Notes the step's time; a publication's is the time the public pages date it by. */
    @Override
    public void touch(Instant now) {
        super.touch(now);
        if (state == ContentState.PUBLISHED) {
            publishedAt = now;
        }
    }

    private static String text(String field, String given, int max, boolean required) {
        String text = given == null ? "" : given.strip();
        if (required && text.isEmpty()) {
            throw required(field);
        }
        if (text.length() > max) {
            throw new RuleViolation(field, "content.rule.tooLong", field + " is longer than " + max
                    + " characters", max);
        }
        return text;
    }

    private static RuleViolation required(String field) {
        return new RuleViolation(field, "content.field.required", field + " is required.");
    }

    private static void change(Set<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    @Override
    public ContentState state() {
        return state;
    }

    public ContentKind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public String titleFr() {
        return titleFr;
    }

    public String titleEn() {
        return titleEn;
    }

    public String summaryFr() {
        return summaryFr;
    }

    public String summaryEn() {
        return summaryEn;
    }

    public String bodyFr() {
        return bodyFr;
    }

    public String bodyEn() {
        return bodyEn;
    }

    /** In the reader's language: English for English, French for everything else. */
    public String title(Locale locale) {
        return english(locale) ? titleEn : titleFr;
    }

    public String summary(Locale locale) {
        return english(locale) ? summaryEn : summaryFr;
    }

    public String body(Locale locale) {
        return english(locale) ? bodyEn : bodyFr;
    }

    private static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When it was last published; null when it never was. */
    public Instant publishedAt() {
        return publishedAt;
    }

    public Set<Long> projectIds() {
        return Set.copyOf(projectIds);
    }
}
