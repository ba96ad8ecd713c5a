package org.muster.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.muster.geo.GeoJsonShapes;
import org.muster.geo.PrecinctShape;
import org.muster.store.Database;
import org.muster.store.JooqPrecinctShapeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Loads precinct shapes from a GeoJSON file: all of them, or none when any feature is wrong. */
@Command(name = "import-shapes", mixinStandardHelpOptions = true,
        description = "Import precinct shapes from a GeoJSON FeatureCollection (WGS84 Polygon/MultiPolygon features).")
final class ImportShapesCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "FILE", description = "GeoJSON file of precinct shapes.")
    Path file;

    @Option(names = "--precinct-property", paramLabel = "NAME",
            description = "Feature property holding the precinct code, as in voter registrations "
                    + "(default: the first of precinct, precinct_abbrv, prec_id, PREC_ID, PRECINCT, VTDST20, VTDST, vtd).")
    String precinctProperty;

    @Option(names = "--campaign", description = "Campaign id (default: the first campaign; one is created if none).")
    Long campaignId;

    @Override
    public Integer call() {
        List<PrecinctShape> shapes = GeoJsonShapes.read(file, precinctProperty);
        try (Database database = db.open()) {
            long campaign = campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
            int stored = load(database, campaign, file, shapes);
            System.out.println("Imported " + stored + " precinct shapes from " + file + ".");
            return 0;
        }
    }

    /** Stores the shapes and audits the import; shared with the demo load. */
    static int load(Database database, long campaign, Path file, List<PrecinctShape> shapes) {
        int stored = new JooqPrecinctShapeStore(database).upsert(campaign, shapes, file.getFileName().toString());
        database.audit().record(null, "import.shapes", "campaign:" + campaign, stored + " precinct shapes from " + file);
        return stored;
    }
}
