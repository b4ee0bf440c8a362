package fr.la27eregion.platform.demo;

import fr.la27eregion.platform.files.AttachmentTypes;
import fr.la27eregion.platform.files.AttachmentName;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectVisibility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The demo catalogue is loaded in the transaction that starts a demo installation: one wrong entry would stop it.
 * Each entry passes the details' checks, names themes and territories the reference data holds, and its title is
 * its natural key (unique).
 */
class DemoProjectsTest {

    private static List<String> csv(String file) throws IOException {
        try (InputStream in = DemoProjectsTest.class.getResourceAsStream("/db/reference-data/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).toList();
        }
    }

    @Test
    void everyDemoProjectIsValidAndNamesKnownReferences() throws IOException {
        Set<String> themes = new HashSet<>();
        csv("themes.csv").forEach(line -> themes.add(line.split(",")[0]));
        Set<String> regions = new HashSet<>();
        csv("regions-fr.csv").forEach(line -> regions.add("FR-" + line.split(",")[0]));
        DemoData.EUROPEAN_REGIONS.forEach(region -> regions.add(region.nuts2()));
        Set<String> territories = new HashSet<>(regions);
        csv("regions-fr-before-2016.csv").forEach(line -> territories.add("FR-" + line.split(",")[0] + "-2015"));

        Set<String> titles = new HashSet<>();
        AtomicLong ids = new AtomicLong(100);
        for (DemoProjects.Demo demo : DemoProjects.PROJECTS) {
            assertThat(titles.add(demo.title())).as("unique title " + demo.title()).isTrue();
            assertThat(regions).as(demo.title() + ": lead").contains(demo.lead());
            assertThat(regions).as(demo.title() + ": partners").containsAll(DemoProjects.words(demo.partners()));
            assertThat(territories).as(demo.title() + ": territories")
                    .containsAll(DemoProjects.words(demo.territories()));
            assertThat(themes).as(demo.title() + ": themes").containsAll(DemoProjects.words(demo.themes()));
            ProjectDetails details = DemoProjects.details(demo, 1, code -> ids.incrementAndGet());
            assertThatCode(details::check).as(demo.title()).doesNotThrowAnyException();
        }
        assertThat(DemoProjects.PROJECTS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(DemoProjects.PROJECTS).extracting(DemoProjects.Demo::visibility)
                .contains(ProjectVisibility.values());
        assertThat(DemoProjects.PROJECTS).as("projects before 2016 on former regions")
                .anySatisfy(demo -> assertThat(demo.territories()).contains("-2015"));
    }

    /** Each demo file is a type the platform takes, named for it, on a project others see (public or network). */
    @Test
    void everyDemoFileIsAcceptedAndSharedBeyondItsOrganisation() throws IOException {
        Set<ProjectVisibility> visibilities = new HashSet<>();
        for (DemoProjects.DemoFile file : DemoProjects.FILES) {
            DemoProjects.Demo demo = DemoProjects.PROJECTS.stream().filter(d -> d.title().equals(file.project()))
                    .findFirst().orElseThrow(() -> new AssertionError("no demo project " + file.project()));
            assertThat(demo.visibility()).as(file.fileName()).isNotEqualTo(ProjectVisibility.DRAFT);
            visibilities.add(demo.visibility());
            Path copy = Files.createTempFile("demo-", ".bin");
            try (InputStream in = DemoProjects.class.getResourceAsStream(file.resource())) {
                assertThat(in).as(file.resource()).isNotNull();
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(copy)).as(file.resource()).isBetween(100L, 64L * 1024);
                AttachmentType type = AttachmentTypes.of(copy);
                assertThat(AttachmentName.of(file.fileName()).checkedFor(type)).isEqualTo(file.fileName());
            } finally {
                Files.delete(copy);
            }
        }
        assertThat(visibilities).containsExactlyInAnyOrder(ProjectVisibility.PUBLIC, ProjectVisibility.NETWORK);
    }
}
