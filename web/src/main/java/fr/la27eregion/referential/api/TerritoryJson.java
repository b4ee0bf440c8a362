package fr.la27eregion.referential.api;

import fr.la27eregion.referential.entity.Territory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A territory as the API publishes it. */
@Schema(name = "Territory", description = "A region of France (today's or before 2016) or a European region")
public record TerritoryJson(
        @Schema(description = "Stable identifier: FR-<INSEE> for a region since 2016, FR-<INSEE>-2015 for a region "
                + "as it was until 2015, the NUTS-2 code for a European region", example = "FR-53")
        String code,
        @Schema(description = "REGION, FORMER_REGION or EUROPEAN_REGION", example = "REGION")
        String kind,
        @Schema(example = "Bretagne") String name,
        @Schema(description = "INSEE code of a French region", example = "53") String inseeCode,
        @Schema(description = "ISO 3166-1 country code", example = "FR") String countryCode,
        @Schema(description = "Eurostat NUTS-2 areas covered") List<String> nuts2Codes,
        @Schema(description = "METROPOLITAN or OVERSEAS, for a French region") String area,
        @Schema(example = "Rennes") String prefecture,
        @Schema(description = "For a region before 2016: the code of the region it merged into", example = "FR-53")
        String mergedInto) {

    static TerritoryJson of(Territory territory) {
        return new TerritoryJson(
                territory.code(),
                territory.kind().name(),
                territory.name(),
                territory.inseeCode(),
                territory.countryCode(),
                territory.nuts2Codes(),
                territory.area().map(Enum::name).orElse(null),
                territory.prefecture().orElse(null),
                territory.mergedInto().map(Territory::code).orElse(null));
    }
}
