package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.LabelState;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A label as the public register and the verification page show it: its public facts only. Never a person, and
 * never its verification code (the code is the key of verification: the register would hand it to anyone).
 *
 * @param state           the state as the public sees it on the day: {@code EXPIRED} once past its validity,
 *                        whatever the daily job has recorded yet
 * @param projectPath     the project's public address after {@code /public/projets/} ({@code 42-ecoles-ouvertes}),
 *                        null when the project is not public
 * @param regionCode      the code of the holder organisation's territory ({@code FR-53}), null when it has none
 * @param renewedByNumber the certificate number of the label that renewed it, null unless {@code RENEWED}
 */
public record RegisteredLabel(String certificateNumber, LabelState state, String programmeCode,
                              String programmeNameFr, String programmeNameEn, Integer level, List<String> mentions,
                              LocalDate awardedOn, LocalDate validUntil, String projectTitle, String projectPath,
                              String organisationName, String regionCode, String regionName,
                              String renewedByNumber) implements Serializable {

    public RegisteredLabel {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** The programme's name in the reader's language (French unless English). */
    public String programmeName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? programmeNameEn : programmeNameFr;
    }

    // bean-style readers for the pages' expressions
    public String getCertificateNumber() {
        return certificateNumber;
    }

    public String getState() {
        return state.name();
    }

    public String getProjectPath() {
        return projectPath;
    }
}
