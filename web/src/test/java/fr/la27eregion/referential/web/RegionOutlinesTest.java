package fr.la27eregion.referential.web;

import fr.la27eregion.referential.web.RegionOutlines.Outline;
import org.junit.jupiter.api.BeforeAll;
import org.locationtech.jts.geom.Coordinate;
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

    /** A command letter or a number of SVG path data (12, 1.5, .5, -.5). */
    private static final Pattern TOKEN = Pattern.compile("[MlZ]|-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)");
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

    @Test
    @DisplayName("the path data is written short: steps from point to point, no leading zero, no needless separator")
    void thePathDataIsShort() {
        assertThat(RegionOutlines.tenths(120)).isEqualTo("12");
        assertThat(RegionOutlines.tenths(15)).isEqualTo("1.5");
        assertThat(RegionOutlines.tenths(5)).isEqualTo(".5");
        assertThat(RegionOutlines.tenths(-5)).isEqualTo("-.5");
        assertThat(RegionOutlines.tenths(-123)).isEqualTo("-12.3");
        assertThat(RegionOutlines.tenths(0)).isEqualTo("0");

        StringBuilder path = new StringBuilder();
        RegionOutlines.appendRing(path, new Coordinate[]{new Coordinate(10, 20), new Coordinate(10.54, 20),
                new Coordinate(10.56, 20.01), new Coordinate(9.5, 18), new Coordinate(12, 18.3),
                new Coordinate(10, 20)});
        // 10.54 and 10.56 are both 10.5 and 10.6 rounded: a step of .1, and the point that rounds to the one before
        // it is left out
        assertThat(path).hasToString("M10,20l.5,0 .1,0-1.1-2 2.5,.3Z");
        RegionOutlines.appendRing(path, new Coordinate[]{new Coordinate(1, 1), new Coordinate(2, 1),
                new Coordinate(2, 2), new Coordinate(1, 1)});
        assertThat(path).hasToString("M10,20l.5,0 .1,0-1.1-2 2.5,.3Z M1,1l1,0 0,1Z");
        assertThat(points(new Outline("x", path.toString(), 0, 0, null))).containsExactly(new double[]{10, 20},
                new double[]{10.5, 20}, new double[]{10.6, 20}, new double[]{9.5, 18}, new double[]{12, 18.3},
                new double[]{1, 1}, new double[]{2, 1}, new double[]{2, 2});

        int characters = outlines.getRegions().stream().mapToInt(outline -> outline.path().length()).sum();
        int former = outlines.getFormerRegions().stream().mapToInt(outline -> outline.path().length()).sum();
        // 30,365 and 33,960 characters as absolute points with one decimal; 18,519 and 20,715 now
        assertThat(characters).as("characters of today's outlines").isLessThan(20_000);
        assertThat(former).as("characters of the former regions' outlines").isLessThan(22_000);
    }

    /** The points of a path, absolute: M starts a ring at a point, l steps from one point to the next, Z closes. */
    private static List<double[]> points(Outline outline) {
        Matcher token = TOKEN.matcher(outline.path());
        List<double[]> found = new java.util.ArrayList<>();
        double x = 0;
        double y = 0;
        boolean absolute = false;
        while (token.find()) {
            switch (token.group()) {
                case "M" -> absolute = true;
                case "l", "Z" -> absolute = false;
                default -> {
                    double first = Double.parseDouble(token.group());
                    assertThat(token.find()).as("a y after " + first + " in " + outline.code()).isTrue();
                    double second = Double.parseDouble(token.group());
                    x = absolute ? first : x + first;
                    y = absolute ? second : y + second;
                    found.add(new double[]{Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0});
                }
            }
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
