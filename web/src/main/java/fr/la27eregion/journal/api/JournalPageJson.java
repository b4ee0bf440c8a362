package fr.la27eregion.journal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the journal, newest first, and the address of the next (older) one. */
@Schema(name = "JournalPage", description = "Journal entries newest first, a page at a time by sequence number")
public record JournalPageJson(
        @Schema(description = "The entries, newest first") List<JournalEntryJson> entries,
        @Schema(description = "Entries asked per page") int size,
        @Schema(description = "The next (older) page: the same filters with before set to this page's last "
                + "number; absent on the last page") String next) {
}
