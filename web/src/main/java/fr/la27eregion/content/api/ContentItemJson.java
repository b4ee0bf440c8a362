package fr.la27eregion.content.api;

import fr.la27eregion.content.entity.ContentDetails;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.workflow.PossibleAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A content item of the public pages as the API reads and writes it: both languages side by side; the texts
 * ({@code bodyFr}, {@code bodyEn}) are HTML that the server sanitises as it does projects' texts. The kind and the
 * key are set at creation only.
 */
@Schema(name = "ContentItem", description = "A text the secretariat writes for the public pages")
public record ContentItemJson(
        @Schema(readOnly = true) Long id,
        @Schema(description = "The version as read: required to change it (PUT), 409 when someone changed it since")
        Integer version,
        @Schema(required = true, enumeration = {"HOME", "THEME", "NEWS", "EXPLAINER", "ACCESSIBILITY"})
        String kind,
        @Schema(description = "Its address: a theme's code for THEME, a slug for NEWS and EXPLAINER; fixed for the"
                + " others", maxLength = ContentItem.MAX_KEY, example = "donnees-ouvertes") String key,
        @Schema(readOnly = true, enumeration = {"DRAFT", "PUBLISHED", "UNPUBLISHED"}) String state,
        @Schema(required = true, maxLength = ContentItem.MAX_TITLE) String titleFr,
        @Schema(required = true, maxLength = ContentItem.MAX_TITLE) String titleEn,
        @Schema(maxLength = ContentItem.MAX_SUMMARY) String summaryFr,
        @Schema(maxLength = ContentItem.MAX_SUMMARY) String summaryEn,
        @Schema(description = "HTML, sanitised by the server") String bodyFr,
        @Schema(description = "HTML, sanitised by the server") String bodyEn,
        @Schema(description = "The projects it points to: an explainer's, the home page's featured ones")
        List<Long> projectIds,
        @Schema(readOnly = true) Instant publishedAt,
        @Schema(readOnly = true, description = "The transitions the caller may take now") List<String> actions) {

    static ContentItemJson of(ContentItem item, List<? extends PossibleAction<?, ?>> possible) {
        return new ContentItemJson(item.id(), item.version(), item.kind().name(), item.key(), item.state().name(),
                item.titleFr(), item.titleEn(), item.summaryFr(), item.summaryEn(), item.bodyFr(), item.bodyEn(),
                item.projectIds().stream().sorted().toList(), item.publishedAt(),
                possible.stream().map(action -> action.action().name()).toList());
    }

    /** The details as the boundary checks them. */
    ContentDetails details() {
        ContentDetails details = new ContentDetails();
        details.setKind(Names.parse(ContentKind.class, kind, "kind"));
        details.setKey(key);
        details.setTitleFr(titleFr);
        details.setTitleEn(titleEn);
        details.setSummaryFr(summaryFr);
        details.setSummaryEn(summaryEn);
        details.setBodyFr(bodyFr);
        details.setBodyEn(bodyEn);
        details.setProjectIds(projectIds);
        return details;
    }
}
