package fr.la27eregion.referential.web;

import fr.la27eregion.referential.web.RegionOutlines.Outline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outlines of the public maps, projected from the IGN GEOFLA reference data without a container: every region of
 * today and before 2016 is drawn, inside the viewBox, metropolitan France above the insets and each overseas region
 * inside its inset, each name at a point of its region, and the paths simplified to a size a page can carry.
 */
@DisplayName("The regions' outlines projected for the maps")
class RegionOutlinesTest {

    private static final Pattern POINT = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)");
    private static RegionOutlines outlines;

    @BeforeAll
    static void project() {
        outlines = new RegionOutlines();
        outlines.project();
    }

    @Test
    @DisplayName("the 18 regions of today are drawn, the 13 metropolitan ones first, then the 5 overseas in insets")
    void everyRegionIsDrawn() {
        assertThat(outlines.getRegions()).extracting(Outline::code).containsExactly("FR-32", "FR-44", "FR-11",
                "FR-28", "FR-53", "FR-52", "FR-24", "FR-27", "FR-84", "FR-75", "FR-76", "FR-93", "FR-94", "FR-01",
                "FR-02", "FR-03", "FR-04", "FR-06");
        assertThat(outlines.getMetropolitan()).hasSize(13).allSatisfy(outline -> {
            assertThat(outline.inset()).isNull();
            assertWithin(outline, 0, 0, RegionOutlines.WIDTH, RegionOutlines.METROPOLITAN_HEIGHT);
        });
        assertThat(outlines.getOverseas()).hasSize(5).allSatisfy(outline -> {
            RegionOutlines.Inset inset = outline.inset();
            assertWithin(outline, inset.x(), inset.y(), inset.x() + inset.width(), inset.y() + inset.height());
        });
        assertThat(outlines.getFormerRegions()).hasSize(22).allSatisfy(outline -> {
            assertThat(outline.code()).matches("FR-\\d\\d-2015");
            assertWithin(outline, 0, 0, RegionOutlines.WIDTH, RegionOutlines.METROPOLITAN_HEIGHT);
        });
        assertThat(outlines.outline("FR-53-2015")).isNotNull();
        assertThat(outlines.outline("FR-99")).isNull();
    }

    @Test
    @DisplayName("Brittany is west of Grand Est, Corsica south-east of Île-de-France, north is up")
    void theProjectionKeepsPlaces() {
        Outline brittany = outlines.outline("FR-53");
        Outline grandEst = outlines.outline("FR-44");
        Outline corsica = outlines.outline("FR-94");
        Outline paris = outlines.outline("FR-11");
        assertThat(Double.parseDouble(brittany.getLabelX())).isLessThan(Double.parseDouble(grandEst.getLabelX()));
        assertThat(Double.parseDouble(corsica.getLabelY())).isGreaterThan(Double.parseDouble(paris.getLabelY()));
        assertThat(Double.parseDouble(corsica.getLabelX())).isGreaterThan(Double.parseDouble(paris.getLabelX()));
    }

    @Test
    @DisplayName("the paths are simplified: a few thousand points for the whole map, each region still a shape")
    void thePathsAreSimplified() {
        int points = 0;
        for (Outline outline : outlines.getRegions()) {
            int own = points(outline).size();
            assertThat(own).as(outline.code()).isGreaterThan(8);
            points += own;
        }
        assertThat(points).as("points in all").isBetween(300, 3500);
    }

    private static List<double[]> points(Outline outline) {
        Matcher matcher = POINT.matcher(outline.path());
        List<double[]> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(new double[]{Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))});
        }
        return found;
    }

    private static void assertWithin(Outline outline, double left, double top, double right, double bottom) {
        assertThat(outline.path()).startsWith("M").endsWith("Z");
        for (double[] point : points(outline)) {
            assertThat(point[0]).as(outline.code()).isBetween(left, right);
            assertThat(point[1]).as(outline.code()).isBetween(top, bottom);
        }
        assertThat(Double.parseDouble(outline.getLabelX())).isBetween(left, right);
        assertThat(Double.parseDouble(outline.getLabelY())).isBetween(top, bottom);
    }
}
