package fr.la27eregion.platform.demo;

import fr.la27eregion.label.entity.CriterionDetails;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The demo programme is loaded in the transaction that starts a demo installation: its details and its grid pass
 * the checks the secretariat's forms apply, with the six criteria of issue 11 in French and English.
 */
class DemoLabelsTest {

    @Test
    void theDemoProgrammeAndItsSixCriteriaAreValid() {
        assertThatCode(() -> DemoLabels.programmeDetails().check()).doesNotThrowAnyException();
        assertThatCode(() -> CriterionDetails.checkAll(DemoLabels.CRITERIA)).doesNotThrowAnyException();
        assertThat(DemoLabels.CRITERIA).extracting(CriterionDetails::getCode).containsExactly("user-centred",
                "cooperation", "experimentation", "transferability", "impact", "openness");
        assertThat(DemoLabels.CRITERIA).allSatisfy(criterion -> {
            assertThat(criterion.getLabelFr()).isNotBlank().isNotEqualTo(criterion.getLabelEn());
            assertThat(criterion.getGuidanceFr()).isNotBlank().isNotEqualTo(criterion.getGuidanceEn());
        });
        assertThat(DemoLabels.programmeDetails().getNameFr()).isEqualTo("Label 27e Région — Innovation publique");
    }
}
