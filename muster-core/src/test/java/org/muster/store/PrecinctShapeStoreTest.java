package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.geo.GeoJsonShapes;
import org.muster.geo.PrecinctShape;

class PrecinctShapeStoreTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shapesAreStoredPerCampaignAndReplacedByPrecinctCode(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Shapes", "NC").id();
            long other = db.campaigns().create("Other", "NC").id();
            JooqPrecinctShapeStore store = new JooqPrecinctShapeStore(db);
            List<PrecinctShape> first = triangles(450, 0.1);
            assertThat(store.upsert(campaign, first, "first.geojson")).isEqualTo(450);
            store.upsert(other, first.subList(0, 3), "other.geojson");
            List<PrecinctShape> bigger = triangles(2, 0.2);
            store.upsert(campaign, bigger, "second.geojson");

            List<PrecinctShape> stored = store.list(campaign);
            assertThat(stored).hasSize(450);
            assertThat(store.count(other)).isEqualTo(3);
            PrecinctShape p0 = stored.stream().filter(s -> s.precinct().equals("P0")).findFirst().orElseThrow();
            assertThat(p0.geometry().equalsExact(bigger.get(0).geometry())).isTrue();
            PrecinctShape p9 = stored.stream().filter(s -> s.precinct().equals("P9")).findFirst().orElseThrow();
            assertThat(p9.geometry().equalsExact(first.get(9).geometry())).isTrue();
        }
    }

    /** n right triangles side by side, codes P0..P(n-1). */
    private static List<PrecinctShape> triangles(int n, double size) {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            double x = -84 + i * 0.01;
            if (i > 0) json.append(',');
            json.append("{\"type\":\"Feature\",\"properties\":{\"precinct\":\"P").append(i).append("\"},\"geometry\":")
                    .append("{\"type\":\"Polygon\",\"coordinates\":[[[").append(x).append(",35],[").append(x + size)
                    .append(",35],[").append(x).append(',').append(35 + size).append("],[").append(x).append(",35]]]}}");
        }
        return GeoJsonShapes.read(new ByteArrayInputStream(json.append("]}").toString().getBytes(StandardCharsets.UTF_8)), null);
    }
}
