package fr.la27eregion.project.boundary;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A search of the project catalogue: the words and the filters, and the page asked for. The same value is read from
 * and written to the parameters of an address ({@code q}, {@code theme}, {@code territory}, {@code stage},
 * {@code kind}, {@code organisation}, {@code year}, {@code page}, {@code size}), so a search in the pages and in the
 * API is the same, and can be bookmarked and shared. A wrong value is refused with a {@link RuleViolation} naming
 * its parameter, never guessed away.
 *
 * <p>Filters combine (all must hold); several themes mean any of them.
 */
public record ProjectQuery(String words, List<String> themes, String territory, ProjectStage stage,
                           ProjectKind kind, Long organisation, Integer year, int page, int size)
        implements Serializable {

    public static final int MAX_WORDS = 200;
    public static final int MAX_THEMES = 10;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** A page beyond this is no longer a search but a crawl; the paging links never reach it with real data. */
    public static final int MAX_PAGE = 10_000;
    public static final int MIN_YEAR = 1950;
    public static final int MAX_YEAR = 2100;

    /** The names of the parameters, in the order an address writes them. */
    public static final List<String> PARAMETERS = List.of("q", "theme", "territory", "stage", "kind",
            "organisation", "year", "page", "size");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** Normalises the parts: blank words are no words, codes are trimmed, the lists are copied. */
    public ProjectQuery {
        words = words == null || words.isBlank() ? null : words.strip();
        themes = themes == null ? List.of() : themes.stream().filter(t -> t != null && !t.isBlank())
                .map(String::strip).distinct().toList();
        territory = territory == null || territory.isBlank() ? null : territory.strip();
        check("q", words == null || words.length() <= MAX_WORDS, "project.search.wordsTooLong",
                "The search words are too long (at most " + MAX_WORDS + " characters)", MAX_WORDS);
        check("theme", themes.size() <= MAX_THEMES, "project.search.tooManyThemes",
                "At most " + MAX_THEMES + " themes", MAX_THEMES);
        themes.forEach(theme -> check("theme", CODE.matcher(theme).matches(), "project.search.badTheme",
                "Not a theme: " + theme, theme));
        check("territory", territory == null || CODE.matcher(territory).matches(), "project.search.badTerritory",
                "Not a territory: " + territory, territory);
        check("organisation", organisation == null || organisation > 0, "project.search.badOrganisation",
                "Not an organisation: " + organisation, organisation);
        check("year", year == null || year >= MIN_YEAR && year <= MAX_YEAR, "project.search.badYear",
                "The year must be between " + MIN_YEAR + " and " + MAX_YEAR, MIN_YEAR, MAX_YEAR);
        check("page", page >= 1 && page <= MAX_PAGE, "project.search.badPage",
                "The page must be between 1 and " + MAX_PAGE, MAX_PAGE);
        check("size", size >= 1 && size <= MAX_SIZE, "project.search.badSize",
                "The page size must be between 1 and " + MAX_SIZE, MAX_SIZE);
    }

    /** Every project (in the caller's scope), the first page. */
    public static ProjectQuery all() {
        return new ProjectQuery(null, List.of(), null, null, null, null, null, 1, DEFAULT_SIZE);
    }

    /** A search for these words, without filters, the first page. */
    public static ProjectQuery of(String words) {
        return all().withWords(words);
    }

    /**
     * Reads a search from the parameters of an address (each name with its values, as a servlet or JAX-RS gives
     * them); unknown parameters are left alone (a page has its own, like {@code lang}).
     *
     * @throws RuleViolation naming the parameter whose value is wrong
     */
    public static ProjectQuery parse(Map<String, List<String>> parameters) {
        Function<String, String> one = name -> {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.size() > 1 && values.stream().filter(v -> v != null && !v.isBlank()).distinct().count() > 1) {
                throw new RuleViolation(name, "project.search.repeated", "Give " + name + " once");
            }
            return values.stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
        };
        List<String> themes = new ArrayList<>();
        parameters.getOrDefault("theme", List.of()).forEach(value -> {
            if (value != null) {
                themes.addAll(List.of(value.split(",")));
            }
        });
        return new ProjectQuery(one.apply("q"), themes, one.apply("territory"),
                parseEnum("stage", one.apply("stage"), ProjectStage.class),
                parseEnum("kind", one.apply("kind"), ProjectKind.class),
                parseLong("organisation", one.apply("organisation")),
                parseInt("year", one.apply("year"), null),
                parseInt("page", one.apply("page"), 1),
                parseInt("size", one.apply("size"), DEFAULT_SIZE));
    }

    /**
     * The parameters that say this search, without the defaults (page 1, the default size) and without empty
     * filters, in a stable order: what an address needs to bring the same search back.
     */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (words != null) {
            parameters.put("q", List.of(words));
        }
        if (!themes.isEmpty()) {
            parameters.put("theme", themes);
        }
        put(parameters, "territory", territory);
        put(parameters, "stage", stage == null ? null : stage.name());
        put(parameters, "kind", kind == null ? null : kind.name());
        put(parameters, "organisation", organisation);
        put(parameters, "year", year);
        if (page != 1) {
            parameters.put("page", List.of(String.valueOf(page)));
        }
        if (size != DEFAULT_SIZE) {
            parameters.put("size", List.of(String.valueOf(size)));
        }
        return parameters;
    }

    public Optional<String> wordsIfAny() {
        return Optional.ofNullable(words);
    }

    /** Whether any filter (besides the words) is set. */
    public boolean filtered() {
        return !themes.isEmpty() || territory != null || stage != null || kind != null || organisation != null
                || year != null;
    }

    /** The index of the first row of the page asked for. */
    public long first() {
        return (long) (page - 1) * size;
    }

    public ProjectQuery withWords(String newWords) {
        return new ProjectQuery(newWords, themes, territory, stage, kind, organisation, year, page, size);
    }

    public ProjectQuery withPage(int newPage) {
        return new ProjectQuery(words, themes, territory, stage, kind, organisation, year, newPage, size);
    }

    public ProjectQuery withSize(int newSize) {
        return new ProjectQuery(words, themes, territory, stage, kind, organisation, year, page, newSize);
    }

    private static void put(Map<String, List<String>> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, List.of(String.valueOf(value)));
        }
    }

    private static void check(String parameter, boolean holds, String key, String message, Object... arguments) {
        if (!holds) {
            throw new RuleViolation(parameter, key, message, arguments);
        }
    }

    private static <E extends Enum<E>> E parseEnum(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolation(parameter, "project.search.badChoice", "Not a " + parameter + ": " + value
                    + " (one of " + List.of(type.getEnumConstants()) + ")", value);
        }
    }

    private static Long parseLong(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new RuleViolation(parameter, "project.search.notANumber", "Not a number: " + parameter + "="
                    + value, value);
        }
    }

    private static Integer parseInt(String parameter, String value, Integer absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new RuleViolation(parameter, "project.search.notANumber", "Not a number: " + parameter + "="
                    + value, value);
        }
    }
}
