package fr.la27eregion.referential.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regions of France drawn from their real outlines ({@code regions-fr.geojson}, {@code
 * regions-fr-before-2016.geojson}: IGN GEOFLA, Licence Ouverte, copied from the reference data), projected once at
 * start into the SVG of the public maps: metropolitan France in an equirectangular projection scaled by cos 46.5°,
 * fitted into {@value #WIDTH} by {@value #METROPOLITAN_HEIGHT} units, the five overseas regions each in an inset of
 * its own below it (a row of {@value #INSET} by {@value #INSET} frames), at its own scale. The former regions are
 * projected exactly as today's, so either can be drawn over the other. JTS simplifies each outline to under one
 * unit (topology kept, so no ring collapses) and gives each region a point inside it for its name.
 *
 * <p>The viewBox is {@code 0 0 516 624}, as the hand-drawn map it replaces, so the page's layout is unchanged.
 */
@Named
@ApplicationScoped
public class RegionOutlines {

    public static final int WIDTH = 516;
    public static final int HEIGHT = 624;
    static final int METROPOLITAN_HEIGHT = 510;
    static final int INSET = 92;
    private static final int INSETS_TOP = 524;
    private static final int MARGIN = 8;
    private static final double TOLERANCE = 0.8;
    private static final double COS_LATITUDE = Math.cos(Math.toRadians(46.5));

    /** The overseas regions, in the order of their insets (and of the keyboard). */
    static final List<String> OVERSEAS = List.of("01", "02", "03", "04", "06");

    /**
     * Today's metropolitan regions in a reading order, north to south, west to east, which is also the order the
     * keyboard visits them: the overseas insets come after.
     */
    static final List<String> METROPOLITAN = List.of("32", "44", "11", "28", "53", "52", "24", "27", "84", "75",
            "76", "93", "94");

    private final GeometryFactory geometries = new GeometryFactory();
    private Map<String, Outline> regions;
    private Map<String, Outline> formerRegions;

    /** A region as drawn: its territory code, the SVG path, a point inside it for its name, its inset if any. */
    public record Outline(String code, String path, double labelX, double labelY, Inset inset) {

        public String getCode() {
            return code;
        }

        public String getPath() {
            return path;
        }

        public String getLabelX() {
            return number(labelX);
        }

        public String getLabelY() {
            return number(labelY);
        }

        public Inset getInset() {
            return inset;
        }
    }

    /** The frame of an overseas region's inset. */
    public record Inset(int x, int y, int width, int height) {

        public int getX() {
            return x;
        }

        public int getY() {
            return y;
        }

        public int getWidth() {
            return width;
        }

        public int getHeight() {
            return height;
        }
    }

    @PostConstruct
    void project() {
        Map<String, Geometry> today = read("regions-fr.geojson");
        Map<String, Geometry> before = read("regions-fr-before-2016.geojson");
        Envelope france = new Envelope();
        METROPOLITAN.forEach(insee -> france.expandToInclude(equirectangular(today.get(insee), COS_LATITUDE)
                .getEnvelopeInternal()));
        double scale = Math.min((WIDTH - 2.0 * MARGIN) / france.getWidth(),
                (METROPOLITAN_HEIGHT - 2.0 * MARGIN) / france.getHeight());
        double left = (WIDTH - france.getWidth() * scale) / 2;
        AffineTransformation metropolitan = new AffineTransformation()
                .translate(-france.getMinX(), -france.getMaxY()).scale(scale, -scale).translate(left, MARGIN);

        regions = new LinkedHashMap<>();
        for (String insee : METROPOLITAN) {
            Geometry drawn = metropolitan.transform(equirectangular(today.get(insee), COS_LATITUDE));
            regions.put("FR-" + insee, outline("FR-" + insee, drawn, null));
        }
        for (int i = 0; i < OVERSEAS.size(); i++) {
            String insee = OVERSEAS.get(i);
            Inset inset = new Inset(MARGIN + i * (INSET + 10), INSETS_TOP, INSET, INSET);
            Geometry region = today.get(insee);
            double cos = Math.cos(Math.toRadians(region.getCentroid().getY()));
            Geometry flat = equirectangular(region, cos);
            Envelope box = flat.getEnvelopeInternal();
            // the shape in the frame's upper part, its name below it
            double room = INSET - 12.0;
            double roomHeight = INSET - 30.0;
            double fit = Math.min(room / box.getWidth(), roomHeight / box.getHeight());
            double x = inset.x() + (INSET - box.getWidth() * fit) / 2;
            double y = inset.y() + 6 + (roomHeight - box.getHeight() * fit) / 2;
            Geometry drawn = new AffineTransformation().translate(-box.getMinX(), -box.getMaxY()).scale(fit, -fit)
                    .translate(x, y).transform(flat);
            Outline shape = outline("FR-" + insee, drawn, inset);
            regions.put(shape.code(), new Outline(shape.code(), shape.path(), inset.x() + INSET / 2.0,
                    inset.y() + INSET - 8.0, inset));
        }
        formerRegions = new LinkedHashMap<>();
        before.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(former -> {
            Geometry drawn = metropolitan.transform(equirectangular(former.getValue(), COS_LATITUDE));
            String code = "FR-" + former.getKey() + "-2015";
            formerRegions.put(code, outline(code, drawn, null));
        });
    }

    private Outline outline(String code, Geometry drawn, Inset inset) {
        Geometry simple = TopologyPreservingSimplifier.simplify(drawn, TOLERANCE);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < simple.getNumGeometries(); i++) {
            Coordinate[] ring = ((Polygon) simple.getGeometryN(i)).getExteriorRing().getCoordinates();
            if (ring.length < 4) {
                continue;
            }
            appendRing(path, ring);
        }
        Geometry largest = largestPart(drawn);
        Coordinate inside = InteriorPointArea.getInteriorPoint(largest);
        return new Outline(code, path.toString(), inside.x, inside.y, inset);
    }

    /**
     * A ring as SVG path data, as small as it can be written: the first point absolute ({@code M}), the others as
     * steps from the one before ({@code l}), in tenths of a unit, without a leading zero, a needless separator or a
     * step that rounds to nothing; {@code Z} closes the ring (the last point repeats the first). The steps are taken
     * between the rounded points, so rounding never adds up along the ring, and a border two regions share is drawn
     * on the same points for both. About half the size of absolute coordinates, which matters on the pages that
     * carry every outline (members, territories) and through the proxy that serves them.
     */
    static void appendRing(StringBuilder path, Coordinate[] ring) {
        long x = Math.round(ring[0].x * 10);
        long y = Math.round(ring[0].y * 10);
        path.append(path.isEmpty() ? "M" : " M").append(tenths(x)).append(',').append(tenths(y)).append('l');
        boolean first = true;
        for (int p = 1; p < ring.length - 1; p++) {
            long nextX = Math.round(ring[p].x * 10);
            long nextY = Math.round(ring[p].y * 10);
            if (nextX == x && nextY == y) {
                continue;
            }
            String stepX = tenths(nextX - x);
            String stepY = tenths(nextY - y);
            path.append(first || stepX.startsWith("-") ? "" : " ").append(stepX)
                    .append(stepY.startsWith("-") ? "" : ",").append(stepY);
            first = false;
            x = nextX;
            y = nextY;
        }
        path.append('Z');
    }

    /** A number of tenths as SVG writes it shortest: 12 for 120, 1.5 for 15, .5 for 5, -.5 for -5. */
    static String tenths(long tenths) {
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        return (tenths < 0 ? "-" : "") + (whole == 0 && tenth != 0 ? "" : Long.toString(whole))
                + (tenth == 0 ? "" : "." + tenth);
    }

    private static Geometry largestPart(Geometry geometry) {
        Geometry largest = geometry.getGeometryN(0);
        for (int i = 1; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i).getArea() > largest.getArea()) {
                largest = geometry.getGeometryN(i);
            }
        }
        return largest;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Longitude scaled by the cosine of a latitude, latitude as it is: still north up (y grows northwards). */
    private Geometry equirectangular(Geometry geometry, double cos) {
        return new AffineTransformation().scale(cos, 1).transform(geometry);
    }

    /** The outlines of a GeoJSON file by INSEE code: each a polygon or multipolygon of outer rings. */
    private Map<String, Geometry> read(String file) {
        Map<String, Geometry> read = new LinkedHashMap<>();
        try (InputStream in = RegionOutlines.class.getResourceAsStream(file);
             JsonReader reader = Json.createReader(in)) {
            for (JsonValue feature : reader.readObject().getJsonArray("features")) {
                JsonObject properties = feature.asJsonObject().getJsonObject("properties");
                JsonObject geometry = feature.asJsonObject().getJsonObject("geometry");
                JsonArray coordinates = geometry.getJsonArray("coordinates");
                List<Polygon> polygons = new ArrayList<>();
                if ("Polygon".equals(geometry.getString("type"))) {
                    polygons.add(polygon(coordinates));
                } else {
                    coordinates.forEach(part -> polygons.add(polygon(part.asJsonArray())));
                }
                polygons.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
                read.put(properties.getString("insee"), geometries.createMultiPolygon(polygons.toArray(Polygon[]::new)));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("The outlines " + file + " could not be read", failed);
        }
        return read;
    }

    private Polygon polygon(JsonArray rings) {
        JsonArray outer = rings.getJsonArray(0);
        Coordinate[] points = new Coordinate[outer.size()];
        for (int i = 0; i < outer.size(); i++) {
            JsonArray point = outer.getJsonArray(i);
            points[i] = new Coordinate(point.getJsonNumber(0).doubleValue(), point.getJsonNumber(1).doubleValue());
        }
        LinearRing ring = geometries.createLinearRing(points);
        return geometries.createPolygon(ring);
    }

    /** Today's 18 regions: the 13 metropolitan ones, then the 5 overseas ones in their insets. */
    public List<Outline> getRegions() {
        return List.copyOf(regions.values());
    }

    public List<Outline> getMetropolitan() {
        return regions.values().stream().filter(outline -> outline.inset() == null).toList();
    }

    public List<Outline> getOverseas() {
        return regions.values().stream().filter(outline -> outline.inset() != null).toList();
    }

    /** The 22 metropolitan regions before 2016, at the same projection as today's. */
    public List<Outline> getFormerRegions() {
        return List.copyOf(formerRegions.values());
    }

    /** The outline of a territory code ({@code FR-53}, {@code FR-53-2015}), or null when the maps do not draw it. */
    public Outline outline(String code) {
        Outline outline = regions.get(code);
        return outline != null ? outline : formerRegions.get(code);
    }

    public String getViewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }
}
