package org.muster.store;

import static org.muster.store.MapTables.PrecinctShapeTable;

import java.util.List;
import org.jooq.DSLContext;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.muster.geo.GeoJsonShapes;
import org.muster.geo.PrecinctShape;
import org.muster.geo.PrecinctShapeStore;

/** {@link PrecinctShapeStore} over jOOQ, for both dialects; geometry is stored as GeoJSON text. */
public final class JooqPrecinctShapeStore implements PrecinctShapeStore {

    private static final int CHUNK = 200;

    private final DSLContext dsl;

    public JooqPrecinctShapeStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public int upsert(long campaignId, List<PrecinctShape> shapes, String source) {
        long now = System.currentTimeMillis();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            // Chunks keep every statement under the bind-variable limits of both databases.
            for (int from = 0; from < shapes.size(); from += CHUNK) {
                List<PrecinctShape> chunk = shapes.subList(from, Math.min(shapes.size(), from + CHUNK));
                tx.deleteFrom(PrecinctShapeTable.T).where(PrecinctShapeTable.CAMPAIGN_ID.eq(campaignId))
                        .and(PrecinctShapeTable.PRECINCT.in(chunk.stream().map(PrecinctShape::precinct).toList())).execute();
                var insert = tx.insertInto(PrecinctShapeTable.T, PrecinctShapeTable.CAMPAIGN_ID, PrecinctShapeTable.PRECINCT,
                        PrecinctShapeTable.NAME, PrecinctShapeTable.COUNTY, PrecinctShapeTable.GEOMETRY,
                        PrecinctShapeTable.MIN_LAT, PrecinctShapeTable.MIN_LON, PrecinctShapeTable.MAX_LAT,
                        PrecinctShapeTable.MAX_LON, PrecinctShapeTable.CENTROID_LAT, PrecinctShapeTable.CENTROID_LON,
                        PrecinctShapeTable.SOURCE, PrecinctShapeTable.IMPORTED_AT);
                for (PrecinctShape s : chunk) {
                    Envelope b = s.bounds();
                    Point label = s.labelPoint();
                    insert = insert.values(campaignId, s.precinct(), s.name(), s.county(), GeoJsonShapes.write(s.geometry()),
                            b.getMinY(), b.getMinX(), b.getMaxY(), b.getMaxX(), label.getY(), label.getX(), source, now);
                }
                insert.execute();
            }
        });
        return shapes.size();
    }

    @Override
    public List<PrecinctShape> list(long campaignId) {
        return dsl.select(PrecinctShapeTable.PRECINCT, PrecinctShapeTable.NAME, PrecinctShapeTable.COUNTY,
                        PrecinctShapeTable.GEOMETRY)
                .from(PrecinctShapeTable.T).where(PrecinctShapeTable.CAMPAIGN_ID.eq(campaignId))
                .orderBy(PrecinctShapeTable.PRECINCT)
                .fetch(r -> new PrecinctShape(r.get(PrecinctShapeTable.PRECINCT), r.get(PrecinctShapeTable.NAME),
                        r.get(PrecinctShapeTable.COUNTY), GeoJsonShapes.parseGeometry(r.get(PrecinctShapeTable.GEOMETRY))));
    }

    @Override
    public long count(long campaignId) {
        return dsl.fetchCount(PrecinctShapeTable.T, PrecinctShapeTable.CAMPAIGN_ID.eq(campaignId));
    }
}
