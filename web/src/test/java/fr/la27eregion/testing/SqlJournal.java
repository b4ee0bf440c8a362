package fr.la27eregion.testing;

import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.ChainedEntry;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Subject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Journal entries for the tests of the journal browser, appended as the platform appends them (the chain's own
 * code, {@link ChainAppend}, on a superuser connection: numbered after the head, hashed, the chain still verifies)
 * about records written straight into the database ({@link RegisterLabels}): an organisation with a label of a
 * programme of its own, and another organisation. Every entry has the seed's own actor and actions, so a filter's
 * answer can be told exactly among whatever other tests left in the shared journal.
 *
 * @param actor          the account that "acted" for every entry but {@code otherActorEntry}
 * @param prefix         the start of every action of the seed ({@code <prefix>.org} and so on)
 * @param organisationId the organisation: entries about it, its application and its label
 * @param otherOrganisation another organisation with one entry
 * @param programmeId    the programme: entries about it, its campaign, the application and the label
 * @param campaignId     the programme's campaign
 * @param applicationId  the organisation's application to the campaign (awarded)
 * @param labelId        its label
 * @param entries        every entry appended, oldest first
 */
public record SqlJournal(String actor, String prefix, long organisationId, long otherOrganisation, long programmeId,
                         long campaignId, long applicationId, long labelId, List<Appended> entries) {

    /** An entry appended: its number, time and action. */
    public record Appended(long seq, Instant recordedAt, String action, String actor) {
    }

    /**
     * The seed, in order: {@code org} (the organisation), {@code application} (its application, SUBMITTED to
     * IN_REVIEW), {@code label} (its label), {@code campaign}, {@code programme}, {@code other} (the other
     * organisation), {@code account} (no subject, another actor), then {@code extra} entries of no subject.
     */
    public static SqlJournal seed(String name, int extra) {
        String tag = name + "-" + Long.toString(System.nanoTime(), 36);
        RegisterLabels.Programme programme = RegisterLabels.programme("Programme du journal " + tag,
                "Journal programme " + tag, false);
        long organisation = RegisterLabels.organisation("Organisation du journal " + tag, null);
        long other = RegisterLabels.organisation("Autre organisation du journal " + tag, null);
        RegisterLabels.MadeLabel label = RegisterLabels.label(programme, organisation, "Projet du journal " + tag,
                "NETWORK", "ACTIVE", LocalDate.now().minusDays(10), LocalDate.now().plusYears(2), 1, List.of());
        long application = Superuser.number("SELECT application_id FROM label WHERE id = ?", label.id());
        String actor = "journal-" + tag;
        String prefix = "test-browse-" + tag;
        List<Appended> entries = new ArrayList<>();
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            entries.add(append(db, actor, prefix + ".org", "Organisation", organisation, null, null,
                    Subject.of("Organisation", organisation)));
            entries.add(append(db, actor, prefix + ".application", "LabelApplication", application, "SUBMITTED",
                    "IN_REVIEW", Subject.of("LabelApplication", application)));
            entries.add(append(db, actor, prefix + ".label", "Label", label.id(), null, "ACTIVE",
                    Subject.of("Label", label.id())));
            entries.add(append(db, actor, prefix + ".campaign", "Campaign", programme.campaignId(), null, null,
                    Subject.of("Campaign", programme.campaignId())));
            entries.add(append(db, actor, prefix + ".programme", "LabelProgramme", programme.id(), null, null,
                    Subject.of("LabelProgramme", programme.id())));
            entries.add(append(db, actor, prefix + ".other", "Organisation", other, null, null,
                    Subject.of("Organisation", other)));
            entries.add(append(db, actor + "-b", prefix + ".account", "Account", 0, null, null, null));
            for (int i = 0; i < extra; i++) {
                entries.add(append(db, actor, prefix + ".extra", null, 0, null, null, null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The journal could not be seeded", e);
        }
        return new SqlJournal(actor, prefix, organisation, other, programme.id(), programme.campaignId(),
                application, label.id(), List.copyOf(entries));
    }

    /** One more entry of the seed's actor, of no subject, committed at once. */
    public Appended appendOne(String action) {
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            return append(db, actor, action, null, 0, null, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("The journal could not be appended to", e);
        }
    }

    /** The numbers of the entries of these actions, newest first. */
    public List<Long> seqsOf(String... actions) {
        List<String> wanted = List.of(actions);
        return entries.stream().filter(entry -> wanted.contains(entry.action())).map(Appended::seq)
                .sorted((a, b) -> Long.compare(b, a)).toList();
    }

    /** The entry of this action (the first, when several). */
    public Appended entry(String action) {
        return entries.stream().filter(entry -> entry.action().equals(action)).findFirst().orElseThrow();
    }

    /** Appends in its own transaction (the head is locked only until this commit). */
    private static Appended append(Connection db, String actor, String action, String entityType, long entityId,
                                   String before, String after, Subject subject) throws SQLException {
        EntryDraft draft = new EntryDraft(actor, "AUDITOR", action, entityType,
                entityType == null ? null : String.valueOf(entityId), before, after, null,
                "{\"seeded\":true}", null, subject);
        ChainedEntry entry = ChainAppend.append(db, Clock.systemUTC(), draft);
        db.commit();
        return new Appended(entry.content().seq(), entry.content().recordedAt(), action, actor);
    }
}
