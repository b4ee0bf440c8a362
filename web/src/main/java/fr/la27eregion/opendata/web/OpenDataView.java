package fr.la27eregion.opendata.web;

import fr.la27eregion.opendata.boundary.Column;
import fr.la27eregion.opendata.boundary.Dataset;
import fr.la27eregion.opendata.boundary.OpenData;
import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The open data's documentation page ({@code public/open-data.xhtml}): each dataset with its downloads, the date
 * its data last changed, and its columns with their type and meaning, from the same description the files use.
 * Request-scoped: the page keeps no state between requests.
 */
@Named
@RequestScoped
public class OpenDataView {

    @Inject
    private OpenData openData;

    private final Map<Dataset, Instant> modified = new EnumMap<>(Dataset.class);

    public List<Dataset> getDatasets() {
        return List.of(Dataset.values());
    }

    /** When the dataset's data last changed, in France's time; null when it never had any. */
    public LocalDateTime modified(Dataset dataset) {
        Instant at = modified.computeIfAbsent(dataset, openData::modified);
        return Instant.EPOCH.equals(at) ? null : LocalDateTime.ofInstant(at, Clocks.FRANCE);
    }

    public String title(Dataset dataset) {
        return OpenDataTexts.title(dataset, locale());
    }

    public String description(Dataset dataset) {
        return OpenDataTexts.description(dataset, locale());
    }

    public String meaning(Dataset dataset, Column column) {
        return OpenDataTexts.meaning(dataset, column, locale());
    }

    /** The words of a code of a coded column, in the reader's language. */
    public String codeWords(Column column, String code) {
        return OpenDataTexts.text(column.codeWords() + code, locale());
    }

    public String getLicenceUrl() {
        return OpenDataTexts.LICENCE_URL;
    }

    /** The {@code lang} parameter of the files whose texts follow the reader's language. */
    public String getLangParameter() {
        return "en".equals(locale().getLanguage()) ? "?lang=en" : "";
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
