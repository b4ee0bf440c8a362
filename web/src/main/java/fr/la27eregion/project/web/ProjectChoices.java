package fr.la27eregion.project.web;

import fr.la27eregion.platform.web.Language;
import fr.la27eregion.project.entity.OutsidePartnerKind;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.boundary.Themes;
import fr.la27eregion.referential.entity.Territory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the project form offers to choose from, in the reader's language: the themes, the territories grouped by
 * kind (regions of today, regions before 2016, European regions: the secretariat adds these at run time, so they
 * are read for each request, not kept), the countries of ISO 3166-1, and the kinds and stages.
 */
@Named
@RequestScoped
public class ProjectChoices {

    /** Something to choose: the value kept, the label read, and the group it is listed under. */
    public record Choice(String value, String label, String group) implements Serializable {

        // JavaBeans getters for Facelets expressions
        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    @Inject
    private Themes themes;

    @Inject
    private Territories territories;

    @Inject
    private Language language;

    private List<Choice> themeChoices;
    private List<Choice> territoryChoices;
    private List<Choice> countries;

    public List<Choice> getThemes() {
        if (themeChoices == null) {
            Locale locale = language.getLocale();
            themeChoices = themes.all().stream().map(theme -> new Choice(theme.code(), theme.name(locale), null))
                    .toList();
        }
        return themeChoices;
    }

    /** Every territory, by kind (regions of today first), then by name. */
    public List<Choice> getTerritories() {
        if (territoryChoices == null) {
            Collator french = Collator.getInstance(Locale.FRENCH);
            territoryChoices = territories.all().stream()
                    .sorted(Comparator.comparing(Territory::kind).thenComparing(Territory::name, french))
                    .map(t -> new Choice(t.code(), t.name() + " (" + t.code() + ")", t.kind().name())).toList();
        }
        return territoryChoices;
    }

    /** The territories whose name or code contains the text, accents and case aside. */
    public List<Choice> territoriesMatching(String text) {
        String wanted = fold(text);
        return getTerritories().stream().filter(choice -> fold(choice.label()).contains(wanted)).toList();
    }

    /** The label of a territory by its code; the code itself when unknown. */
    public String territoryLabel(String code) {
        return getTerritories().stream().filter(choice -> choice.value().equals(code)).map(Choice::label)
                .findFirst().orElse(code);
    }

    /** The theme's name by its code. */
    public String themeLabel(String code) {
        return getThemes().stream().filter(choice -> choice.value().equals(code)).map(Choice::label)
                .findFirst().orElse(code);
    }

    /** The countries of ISO 3166-1 by their name in the reader's language. */
    public List<Choice> getCountries() {
        if (countries == null) {
            Locale locale = language.getLocale();
            Collator collator = Collator.getInstance(locale);
            countries = Arrays.stream(Locale.getISOCountries())
                    .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(locale), null))
                    .sorted(Comparator.comparing(Choice::label, collator)).toList();
        }
        return countries;
    }

    /** The name of a country in the reader's language. */
    public String countryName(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(language.getLocale());
    }

    public ProjectKind[] getKinds() {
        return ProjectKind.values();
    }

    public ProjectStage[] getStages() {
        return ProjectStage.values();
    }

    public OutsidePartnerKind[] getPartnerKinds() {
        return OutsidePartnerKind.values();
    }

    private static String fold(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).strip();
    }
}
