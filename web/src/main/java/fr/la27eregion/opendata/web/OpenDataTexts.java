package fr.la27eregion.opendata.web;

import fr.la27eregion.opendata.boundary.Column;
import fr.la27eregion.opendata.boundary.Dataset;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the open data says of itself, in French and English, from the pages' bundles: the licence, the publisher,
 * each dataset's title and description, each column's meaning. One source for the files, the catalogue, the feed
 * and the documentation page.
 */
public final class OpenDataTexts {

    /** The Licence Ouverte / Open Licence 2.0 of Etalab, the French State's open licence. */
    public static final String LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /** Its SPDX identifier. */
    public static final String LICENCE_SPDX = "etalab-2.0";

    public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private static final String BUNDLE = "fr.la27eregion.i18n.messages";

    private OpenDataTexts() {
    }

    /** The reader's language from a {@code lang} parameter: English when asked, French otherwise. */
    public static Locale language(String lang) {
        return "en".equals(lang) ? Locale.ENGLISH : Locale.FRENCH;
    }

    public static String text(String key, Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    }

    public static String licence(Locale locale) {
        return text("opendata.licence", locale);
    }

    public static String publisher(Locale locale) {
        return text("site.name", locale);
    }

    public static String title(Dataset dataset, Locale locale) {
        return text("opendata." + dataset.slug() + ".title", locale);
    }

    public static String description(Dataset dataset, Locale locale) {
        return text("opendata." + dataset.slug() + ".description", locale);
    }

    public static String meaning(Dataset dataset, Column column, Locale locale) {
        return text("opendata." + dataset.slug() + ".column." + column.name(), locale);
    }
}
