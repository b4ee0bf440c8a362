package fr.la27eregion.project.boundary;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.project.control.Highlights;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A search read from an address and written back, and the refusals that name the wrong parameter. */
class ProjectQueryTest {

    @Test
    void readsEveryParameterAndWritesTheSameBack() {
        Map<String, List<String>> parameters = Map.of("q", List.of("  écoles rurales "), "theme",
                List.of("EDUCATION,HEALTH", "FOOD"), "territory", List.of("FR-84"), "stage", List.of("deployed"),
                "kind", List.of("EXPERIMENT"), "organisation", List.of("12"), "year", List.of("2019"),
                "page", List.of("3"), "size", List.of("50"), "lang", List.of("en"));
        ProjectQuery query = ProjectQuery.parse(parameters);
        assertThat(query.words()).isEqualTo("écoles rurales");
        assertThat(query.themes()).containsExactly("EDUCATION", "HEALTH", "FOOD");
        assertThat(query.stage()).isEqualTo(ProjectStage.DEPLOYED);
        assertThat(query.kind()).isEqualTo(ProjectKind.EXPERIMENT);
        assertThat(query.organisation()).isEqualTo(12L);
        assertThat(query.year()).isEqualTo(2019);
        assertThat(query.first()).isEqualTo(100);
        assertThat(ProjectQuery.parse(query.parameters())).isEqualTo(query);
        assertThat(query.parameters()).doesNotContainKey("lang");
    }

    @Test
    void defaultsAreLeftOutOfTheAddress() {
        ProjectQuery query = ProjectQuery.parse(Map.of("q", List.of(" "), "page", List.of("1")));
        assertThat(query).isEqualTo(ProjectQuery.all());
        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void wrongValuesAreRefusedNamingTheirParameter() {
        assertRefused(Map.of("stage", List.of("FINISHED")), "stage");
        assertRefused(Map.of("kind", List.of("x")), "kind");
        assertRefused(Map.of("organisation", List.of("abc")), "organisation");
        assertRefused(Map.of("organisation", List.of("-3")), "organisation");
        assertRefused(Map.of("year", List.of("20x")), "year");
        assertRefused(Map.of("year", List.of("1200")), "year");
        assertRefused(Map.of("page", List.of("0")), "page");
        assertRefused(Map.of("size", List.of("1000")), "size");
        assertRefused(Map.of("theme", List.of("<script>")), "theme");
        assertRefused(Map.of("territory", List.of("FR 84;")), "territory");
        assertRefused(Map.of("q", List.of("x".repeat(ProjectQuery.MAX_WORDS + 1))), "q");
        assertRefused(Map.of("q", List.of("a", "b")), "q");
    }

    @Test
    void highlightsEscapeTheTextBeforeMarking() {
        String headline = "<script>alert('x')</script> & " + Highlights.START + "écoles" + Highlights.STOP
                + " \"rurales\" " + Highlights.START + "open";
        assertThat(Highlights.html(headline)).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "<mark>écoles</mark> &quot;rurales&quot; <mark>open</mark>");
        assertThat(Highlights.text(headline)).doesNotContain(String.valueOf(Highlights.START));
        assertThat(Highlights.html(Highlights.STOP + "a")).isEqualTo("a");
    }

    private static void assertRefused(Map<String, List<String>> parameters, String field) {
        assertThatThrownBy(() -> ProjectQuery.parse(parameters)).isInstanceOf(RuleViolation.class)
                .satisfies(refusal -> assertThat(((RuleViolation) refusal).field()).contains(field));
    }
}
