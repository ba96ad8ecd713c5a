package org.muster.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GeoJsonShapesTest {

    private static final String SQUARE = "[[[-78.7,35.7],[-78.6,35.7],[-78.6,35.8],[-78.7,35.8],[-78.7,35.7]]]";

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String properties, String geometryType, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"" + geometryType
                + "\",\"coordinates\":" + coordinates + "}}";
    }

    private static List<PrecinctShape> read(String json, String property) {
        return GeoJsonShapes.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), property);
    }

    @Test
    void readsPolygonsAndMultiPolygonsWithTheirNamesAndWritesThemBack() {
        String multi = "[" + SQUARE + ",[[[-78.5,35.7],[-78.4,35.7],[-78.4,35.8],[-78.5,35.7]]]]";
        List<PrecinctShape> shapes = read(collection(
                feature("{\"PREC_ID\":\"01-07\",\"NAME\":\"Raleigh 07\",\"county\":\"WAKE\"}", "Polygon", SQUARE),
                feature("{\"PREC_ID\":12,\"name\":\"Cary 12\"}", "MultiPolygon", multi)), null);

        assertThat(shapes).extracting(PrecinctShape::precinct, PrecinctShape::name, PrecinctShape::county)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("01-07", "Raleigh 07", "WAKE"),
                        org.assertj.core.groups.Tuple.tuple("12", "Cary 12", null));
        assertThat(shapes.get(0).geometry().getArea()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(shapes.get(0).labelPoint().getX()).isCloseTo(-78.65, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(shapes.get(1).geometry().getNumGeometries()).isEqualTo(2);
        for (PrecinctShape s : shapes) {
            assertThat(GeoJsonShapes.parseGeometry(GeoJsonShapes.write(s.geometry())).equalsExact(s.geometry())).isTrue();
        }
    }

    @Test
    void aNamedPropertyIsTheOnlyOneRead() {
        String json = collection(feature("{\"precinct\":\"A\",\"code\":\"B\"}", "Polygon", SQUARE));
        assertThat(read(json, "code")).extracting(PrecinctShape::precinct).containsExactly("B");
        assertThatThrownBy(() -> read(json, "missing")).hasMessage(
                "Feature 1 has no precinct code: expected a non-empty property \"missing\".");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"Feature\"}                                      | Not a GeoJSON FeatureCollection",
        "{\"type\":\"FeatureCollection\"}                            | The FeatureCollection has no \"features\" array.",
        "{\"type\":\"FeatureCollection\",\"features\":[                | Not valid JSON at line 1",
    })
    void aFileThatIsNotAFeatureCollectionIsRefusedAsAWhole(String json, String message) {
        assertThatThrownBy(() -> read(json, null)).isInstanceOf(GeoJsonException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Point        | [-78.7,35.7]                                                   | Feature 2 (precinct P2): a precinct needs a Polygon or MultiPolygon geometry, not \"Point\".",
        "Polygon      | [[[-78.7,35.7],[-78.6,35.7],[-78.7,35.7]]]                     | Feature 2 (precinct P2), ring 1: a ring needs at least 4 positions, the last equal to the first.",
        "Polygon      | [[[-78.7,35.7],[-78.6,35.7],[-78.6,35.8],[-78.7,35.8]]]        | Feature 2 (precinct P2), ring 1: the ring is not closed (its last position must equal its first).",
        "Polygon      | [[[-78.7,35.7],[\"x\",35.7],[-78.6,35.8],[-78.7,35.7]]]        | Feature 2 (precinct P2), ring 1, position 2: a position is [longitude, latitude] in numbers.",
        "Polygon      | [[[712000,3950000],[713000,3950000],[713000,3951000],[712000,3950000]]] | Feature 2 (precinct P2), ring 1, position 1: [712000.0, 3950000.0] is not a longitude and latitude in degrees (GeoJSON is WGS84; reproject the file first).",
        "Polygon      | [[[0,0],[1,1],[1,0],[0,1],[0,0]]]                              | Feature 2 (precinct P2): invalid geometry, self-intersection at (0.5, 0.5).",
        "MultiPolygon | []                                                             | Feature 2 (precinct P2): the MultiPolygon has no polygons.",
    })
    void aBadFeatureIsNamedWithItsPrecinctAndWhatIsWrong(String type, String coordinates, String message) {
        String json = collection(feature("{\"precinct\":\"P1\"}", "Polygon", SQUARE),
                feature("{\"precinct\":\"P2\"}", type, coordinates));
        assertThatThrownBy(() -> read(json, null)).isInstanceOf(GeoJsonException.class).hasMessage(message);
    }

    @Test
    void missingCodesAndRepeatedCodesAreRefused() {
        assertThatThrownBy(() -> read(collection(feature("{\"precinct\":\" \"}", "Polygon", SQUARE)), null))
                .hasMessageStartingWith("Feature 1 has no precinct code: expected a non-empty property named one of [precinct,");
        assertThatThrownBy(() -> read(collection(feature("{\"precinct\":\"A\"}", "Polygon", SQUARE),
                feature("{\"precinct\":\"A\"}", "Polygon", SQUARE)), null))
                .hasMessage("Feature 2 (precinct A) repeats a precinct code already used by feature 1.");
        assertThatThrownBy(() -> read(collection("{\"type\":\"Feature\",\"properties\":{\"precinct\":\"A\"},\"geometry\":null}"), null))
                .hasMessage("Feature 1 (precinct A) has no geometry.");
    }
}
