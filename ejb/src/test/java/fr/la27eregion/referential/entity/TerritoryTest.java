package fr.la27eregion.referential.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerritoryTest {

    @Test
    void aEuropeanRegionIsKnownByItsNuts2Code() {
        Territory catalonia = Territory.europeanRegion("ES51", "ES", " Cataluña ");
        assertThat(catalonia.code()).isEqualTo("ES51");
        assertThat(catalonia.kind()).isEqualTo(TerritoryKind.EUROPEAN_REGION);
        assertThat(catalonia.nuts2Codes()).isEqualTo(List.of("ES51"));
        assertThat(catalonia.name()).isEqualTo("Cataluña");
        assertThat(catalonia.inseeCode()).isNull();
        assertThat(catalonia.mergedInto()).isEmpty();
    }

    @Test
    void aMalformedNuts2CodeIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Territory.europeanRegion("es51", "ES", "Cataluña"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g. ES51");
        assertThatThrownBy(() -> Territory.europeanRegion("ES5", "ES", "Cataluña"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionOfFranceIsNotAEuropeanRegion() {
        assertThatThrownBy(() -> Territory.europeanRegion("FRH0", "FR", "Bretagne"))
                .hasMessageContaining("reference data");
    }

    @Test
    void theCodeMustBelongToTheCountry() {
        assertThatThrownBy(() -> Territory.europeanRegion("ES51", "IT", "Cataluña"))
                .hasMessageContaining("not in country IT");
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> Territory.europeanRegion("ES51", "ES", "  ")).hasMessageContaining("name");
        assertThatThrownBy(() -> Territory.europeanRegion("ES51", "ES", "x".repeat(201))).hasMessageContaining("name");
    }
}
