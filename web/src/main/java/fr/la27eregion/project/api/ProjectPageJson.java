package fr.la27eregion.project.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A page of search results, with the paging that led to it and the addresses of its neighbours. */
@Schema(name = "ProjectPage", description = "A page of projects found by a search")
public record ProjectPageJson(
        @Schema(description = "The projects of this page, best match first") List<ProjectHitJson> items,
        @Schema(description = "How many projects the search finds in all, counted up to 1,000: past it, total is "
                + "1000 and more is true") long total,
        @Schema(description = "Whether the search finds more projects than total (the count stops at 1,000)")
        boolean more,
        @Schema(description = "This page's number, from 1") int page,
        @Schema(description = "Projects per page") int size,
        @Schema(description = "How many pages the results fill") int pages,
        @Schema(description = "Addresses of the pages: self, first, last, and prev and next when there are")
        Map<String, String> links) {
}
