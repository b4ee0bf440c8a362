package fr.la27eregion.referential.api;

import fr.la27eregion.referential.entity.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An innovation theme as the API publishes it, in both languages. */
@Schema(name = "Theme")
public record ThemeJson(
        @Schema(example = "service-design") String code,
        @Schema(example = "Design de services") String nameFr,
        @Schema(example = "Service design") String nameEn) {

    static ThemeJson of(Theme theme) {
        return new ThemeJson(theme.code(), theme.nameFr(), theme.nameEn());
    }
}
