package org.muster.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads precinct shapes from a GeoJSON FeatureCollection of Polygon and MultiPolygon features (RFC 7946, WGS84), and
 * writes geometries back as GeoJSON. The whole file is checked before anything is returned, so a caller stores all
 * shapes or none; every error names the feature (1-based, with its precinct code when known) and what is wrong.
 */
public final class GeoJsonShapes {

    /** Property names tried in order for the precinct code when the caller names none (NC, Census VTD, generic). */
    public static final List<String> PRECINCT_PROPERTIES = List.of("precinct", "precinct_abbrv", "prec_id",
            "PREC_ID", "PRECINCT", "VTDST20", "VTDST", "vtd");
    private static final List<String> NAME_PROPERTIES = List.of("name", "NAME", "precinct_desc", "enr_desc", "NAME20");
    private static final List<String> COUNTY_PROPERTIES = List.of("county", "COUNTY", "county_nam", "county_desc");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GeoJsonShapes() {
    }

    /** @param precinctProperty the feature property holding the precinct code, or null to try the usual names */
    public static List<PrecinctShape> read(Path file, String precinctProperty) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, precinctProperty);
        } catch (IOException e) {
            throw new GeoJsonException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    public static List<PrecinctShape> read(InputStream in, String precinctProperty) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new GeoJsonException("Not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new GeoJsonException("Not a GeoJSON FeatureCollection: the top level needs \"type\": \"FeatureCollection\".");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new GeoJsonException("The FeatureCollection has no \"features\" array.");
        }
        if (features.isEmpty()) throw new GeoJsonException("The FeatureCollection has no features.");
        List<PrecinctShape> shapes = new ArrayList<>(features.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String label = "Feature " + (i + 1);
            JsonNode properties = feature.path("properties");
            String precinct = precinctProperty == null ? first(properties, PRECINCT_PROPERTIES)
                    : text(properties.get(precinctProperty));
            if (precinct == null) {
                throw new GeoJsonException(label + " has no precinct code: expected a non-empty property "
                        + (precinctProperty == null ? "named one of " + PRECINCT_PROPERTIES : "\"" + precinctProperty + "\"") + ".");
            }
            label += " (precinct " + precinct + ")";
            if (!"Feature".equals(feature.path("type").asText())) {
                throw new GeoJsonException(label + " is not a Feature: its \"type\" must be \"Feature\".");
            }
            Integer before = seen.putIfAbsent(precinct, i + 1);
            if (before != null) {
                throw new GeoJsonException(label + " repeats a precinct code already used by feature " + before + ".");
            }
            Geometry geometry = geometry(feature.get("geometry"), label);
            shapes.add(new PrecinctShape(precinct, first(properties, NAME_PROPERTIES), first(properties, COUNTY_PROPERTIES),
                    geometry));
        }
        return shapes;
    }

    /** A stored geometry (as {@link #write} made it) back to JTS. */
    public static Geometry parseGeometry(String json) {
        try {
            return geometry(JSON.readTree(json), "Stored geometry");
        } catch (JsonProcessingException e) {
            throw new GeoJsonException("Stored geometry is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The geometry object of a Polygon or MultiPolygon. */
    public static String write(Geometry geometry) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            write(json, geometry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes a Polygon or MultiPolygon geometry object to an open generator. */
    public static void write(JsonGenerator json, Geometry geometry) throws IOException {
        json.writeStartObject();
        if (geometry instanceof Polygon polygon) {
            json.writeStringField("type", "Polygon");
            json.writeFieldName("coordinates");
            polygon(json, polygon);
        } else if (geometry instanceof MultiPolygon multi) {
            json.writeStringField("type", "MultiPolygon");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < multi.getNumGeometries(); i++) polygon(json, (Polygon) multi.getGeometryN(i));
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("only polygons are precinct shapes, not " + geometry.getGeometryType());
        }
        json.writeEndObject();
    }

    private static void polygon(JsonGenerator json, Polygon polygon) throws IOException {
        json.writeStartArray();
        ring(json, polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) ring(json, polygon.getInteriorRingN(i));
        json.writeEndArray();
    }

    private static void ring(JsonGenerator json, LinearRing ring) throws IOException {
        json.writeStartArray();
        for (Coordinate c : ring.getCoordinates()) {
            json.writeStartArray();
            json.writeNumber(c.x);
            json.writeNumber(c.y);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static Geometry geometry(JsonNode node, String label) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new GeoJsonException(label + " has no geometry.");
        }
        String type = node.path("type").asText();
        JsonNode coordinates = node.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw new GeoJsonException(label + ": the geometry has no \"coordinates\" array.");
        }
        Geometry geometry = switch (type) {
            case "Polygon" -> polygon(coordinates, label);
            case "MultiPolygon" -> {
                if (coordinates.isEmpty()) throw new GeoJsonException(label + ": the MultiPolygon has no polygons.");
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), label + ", polygon " + (i + 1));
                }
                yield GEOMETRY.createMultiPolygon(parts);
            }
            default -> throw new GeoJsonException(label + ": a precinct needs a Polygon or MultiPolygon geometry, not \""
                    + type + "\".");
        };
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw new GeoJsonException(label + ": invalid geometry, " + error.getMessage().toLowerCase()
                    + (at == null ? "" : " at (" + at.x + ", " + at.y + ")") + ".");
        }
        return geometry;
    }

    private static Polygon polygon(JsonNode rings, String label) {
        if (!rings.isArray() || rings.isEmpty()) throw new GeoJsonException(label + ": a polygon needs at least one ring.");
        LinearRing[] all = new LinearRing[rings.size()];
        for (int r = 0; r < all.length; r++) {
            String ringLabel = label + ", ring " + (r + 1);
            JsonNode positions = rings.get(r);
            if (!positions.isArray() || positions.size() < 4) {
                throw new GeoJsonException(ringLabel + ": a ring needs at least 4 positions, the last equal to the first.");
            }
            Coordinate[] coordinates = new Coordinate[positions.size()];
            for (int p = 0; p < coordinates.length; p++) {
                coordinates[p] = position(positions.get(p), ringLabel + ", position " + (p + 1));
            }
            if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                throw new GeoJsonException(ringLabel + ": the ring is not closed (its last position must equal its first).");
            }
            all[r] = GEOMETRY.createLinearRing(coordinates);
        }
        LinearRing[] holes = new LinearRing[all.length - 1];
        System.arraycopy(all, 1, holes, 0, holes.length);
        return GEOMETRY.createPolygon(all[0], holes);
    }

    private static Coordinate position(JsonNode node, String label) {
        if (node == null || !node.isArray() || node.size() < 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw new GeoJsonException(label + ": a position is [longitude, latitude] in numbers.");
        }
        double lon = node.get(0).asDouble();
        double lat = node.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new GeoJsonException(label + ": [" + lon + ", " + lat + "] is not a longitude and latitude in degrees"
                    + " (GeoJSON is WGS84; reproject the file first).");
        }
        return new Coordinate(lon, lat);
    }

    private static String first(JsonNode properties, List<String> names) {
        for (String name : names) {
            String value = text(properties.get(name));
            if (value != null) return value;
        }
        return null;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) return null;
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
