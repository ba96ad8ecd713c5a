package org.muster.generate;

import java.nio.file.Path;

/**
 * What one generation wrote.
 *
 * @param voterFile       ncvoter_demo.txt (NC layout, Latin-1), or the Ohio / Florida file of {@link OtherStateLayouts}
 * @param historyFile     ncvhis_demo.txt (NC layout, Latin-1), Florida's history file, or null for Ohio (inline)
 * @param geocodeFile     geocodes_demo.csv: registration_key,latitude,longitude (NC only, else null)
 * @param groundTruthFile ground_truth.csv: kind,registration_keys,ncids,true_person_ids,detail
 * @param truthPersonsFile truth_persons.csv: registration_key,ncid,true_person_id for every voter row
 * @param precinctShapesFile precincts_demo.geojson: one Polygon feature per precinct (properties precinct, name,
 *                        county); every generated address lies inside its precinct's polygon
 * @param households      households of two or more registered people (each one ground-truth row)
 */
public record GeneratedFiles(
        Path voterFile,
        Path historyFile,
        Path geocodeFile,
        Path groundTruthFile,
        Path truthPersonsFile,
        Path precinctShapesFile,
        long people,
        long voterRows,
        long historyRows,
        long duplicates,
        long deceased,
        long movedOutOfState,
        long households) {
}
