package fr.la27eregion.content.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

/** A label in force on a public project of a theme: its number, its programme, its project and when awarded. */
public record ThemeLabel(String certificateNumber, String programmeFr, String programmeEn, String projectTitle,
                         long projectId, String projectSlug, LocalDate awardedOn) implements Serializable {

    public ThemeLabel(String certificateNumber, String programmeFr, String programmeEn, String projectTitle,
                      Long projectId, String projectSlug, LocalDate awardedOn) {
        this(certificateNumber, programmeFr, programmeEn, projectTitle, projectId.longValue(), projectSlug,
                awardedOn);
    }

    public String programme(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? programmeEn : programmeFr;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public String getProjectTitle() {
        return projectTitle;
    }

    public String getProjectPath() {
        return projectId + "-" + projectSlug;
    }

    public LocalDate getAwardedOn() {
        return awardedOn;
    }
}
