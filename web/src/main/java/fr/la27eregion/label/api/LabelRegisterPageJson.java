package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A page of the public register, with the paging that led to it and the addresses of its neighbours. */
@Schema(name = "LabelRegisterPage", description = "A page of the public register of labels")
public record LabelRegisterPageJson(
        @Schema(description = "The labels of this page, the latest awarded first") List<RegisteredLabelJson> items,
        @Schema(description = "How many labels the filters find in all") long total,
        @Schema(description = "This page's number, from 1") int page,
        @Schema(description = "Labels per page") int size,
        @Schema(description = "How many pages the labels fill") int pages,
        @Schema(description = "Addresses of the pages: self, first, last, and prev and next when there are")
        Map<String, String> links) {
}
