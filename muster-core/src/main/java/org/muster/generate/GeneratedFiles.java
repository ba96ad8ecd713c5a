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
 * @param deathsFile      deaths_demo.csv: a death list (id, names, birth_date, death_date, last address) of the
 *                        planted deceased, with namesakes and strangers who are not in the voter file (NC only)
 * @param deathsTruthFile deaths_truth.csv: list_id,kind,registration_key,true_person_id,detail; kind is deceased (a
 *                        planted death, with its registration), namesake or stranger (NC only)
 * @param otherStateFile  other_state_demo.csv: another state's voter list holding the planted movers at their new
 *                        address, with namesakes and strangers (NC only)
 * @param otherStateTruthFile other_state_truth.csv: as deaths_truth.csv, kind moved, namesake or stranger (NC only)
 * @param households      households of two or more registered people (each one ground-truth row)
 */
public record GeneratedFiles(
        Path voterFile,
        Path historyFile,
        Path geocodeFile,
        Path groundTruthFile,
        Path truthPersonsFile,
        Path precinctShapesFile,
        Path deathsFile,
        Path deathsTruthFile,
        Path otherStateFile,
        Path otherStateTruthFile,
        long people,
        long voterRows,
        long historyRows,
        long duplicates,
        long deceased,
        long movedOutOfState,
        long households) {
}
