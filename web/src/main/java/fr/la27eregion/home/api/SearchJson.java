package fr.la27eregion.home.api;

import fr.la27eregion.home.boundary.Search;
import fr.la27eregion.home.boundary.SearchHit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What the intranet's search box found, one group per kind of record. */
@Schema(name = "SearchResults")
public record SearchJson(@Schema(description = "The words searched, trimmed") String q, List<GroupJson> groups) {

    /** The records of one kind: how many (up to 1,000, then more is true) and the best of them. */
    @Schema(name = "SearchGroup")
    public record GroupJson(@Schema(enumeration = {"ORGANISATIONS", "PROJECTS", "APPLICATIONS", "LABELS"})
                            String kind,
                            @Schema(description = "How many the caller may read, counted up to 1,000") long count,
                            @Schema(description = "Whether there are more than the count") boolean more,
                            @Schema(description = "The kind's own list filtered by the words, when it has one")
                            String list,
                            @Schema(description = "At most " + Search.SHOWN + ", the best first") List<HitJson> hits) {
    }

    /** A record found, with its intranet page. */
    @Schema(name = "SearchHit")
    public record HitJson(long id, @Schema(description = "The title as text") String title,
                          @Schema(description = "A short extract around the words, as text") String snippet,
                          @Schema(description = "The title as safe HTML, the words in <mark>") String titleHtml,
                          @Schema(description = "The extract as safe HTML, the words in <mark>") String snippetHtml,
                          @Schema(description = "Its state: a membership's (organisations; null without one), a "
                                  + "project's visibility, an application's, a label's") String state,
                          @Schema(description = "A project's stage") String stage,
                          @Schema(description = "The intranet page where it is read (within the application)")
                          String path) {

        static HitJson of(SearchHit hit) {
            return new HitJson(hit.id(), hit.titleText(), hit.snippetText(), hit.titleHtml(), hit.snippetHtml(),
                    hit.state(), hit.stage(), hit.path());
        }
    }

    static SearchJson of(Search.Results results, java.util.function.Function<Search.Kind, String> list) {
        return new SearchJson(results.words(), results.groups().stream().map(group -> new GroupJson(
                group.kind().name(), group.count(), group.more(), list.apply(group.kind()),
                group.hits().stream().map(HitJson::of).toList())).toList());
    }
}
