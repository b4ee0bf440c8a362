package fr.la27eregion.home.api;

import fr.la27eregion.home.boundary.WaitingWork;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What waits for the caller: one section per role, each kind of work with its count and first items. */
@Schema(name = "Home")
public record HomeJson(
        @Schema(description = "The day it was read for (Europe/Paris): due dates and lateness count from it")
        LocalDate today,
        List<SectionJson> sections) {

    /** A role's section. */
    @Schema(name = "HomeSection")
    public record SectionJson(@Schema(example = "NETWORK_ADMIN") String role, List<WaitingJson> waiting) {
    }

    /** A kind of work: how many in all, the first ones, where the list of all of them is. */
    @Schema(name = "HomeWaiting")
    public record WaitingJson(@Schema(example = "APPLICATIONS_SUBMITTED") String kind, long count,
                              @Schema(description = "Whether it asks something of the caller (counted in the"
                                      + " menu's badges) or informs them") boolean action,
                              @Schema(description = "The intranet page listing them all, if any") String seeAll,
                              @Schema(description = "At most " + WaitingWork.SHOWN + ", the most urgent first")
                              List<ItemJson> items) {
    }

    /** One thing waiting, with the intranet page where it is done. */
    @Schema(name = "HomeItem")
    public record ItemJson(long id, String title, String detail,
                           @Schema(description = "The intranet page where it is done (within the application)")
                           String path, LocalDate dueOn, Instant since,
                           @Schema(description = "Days past its due date (0: not late)") long daysLate) {
    }

    static HomeJson of(WaitingWork.Home home) {
        return new HomeJson(home.today(), home.sections().stream().map(section -> new SectionJson(
                section.role().name(), section.waiting().stream().map(waiting -> new WaitingJson(
                        waiting.kind().name(), waiting.count(), waiting.kind().action(), waiting.kind().seeAll(),
                        waiting.items().stream().map(item -> new ItemJson(item.id(), item.title(), item.detail(),
                                item.path(), item.dueOn(), item.since(), item.daysLate(home.today()))).toList()))
                        .toList())).toList());
    }
}
