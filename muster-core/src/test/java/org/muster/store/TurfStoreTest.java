package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.geo.Home;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParser;
import org.muster.turf.TurfCuts;
import org.muster.turf.TurfCutter;
import org.muster.turf.TurfStore;

class TurfStoreTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    /** Two people per house along a street, houses 30 m apart, in two precincts; a tag on all but the last house. */
    static List<NewPerson> street(int houses) {
        List<NewPerson> people = new ArrayList<>();
        for (int h = 0; h < houses; h++) {
            String line = (100 + 2 * h) + " OAK ST";
            double lon = -78.64 + h * 30 / (111_320 * Math.cos(Math.toRadians(35.78)));
            for (String first : List.of("Ann", "Bob")) {
                people.add(new NewPerson(first + h, null, "Walker", null, null, 1970, null, "DEM", 2, ContactCategory.PROSPECT,
                        "test", line + "|27601", List.of(), List.of(),
                        List.of(new PostalAddress("home", line, null, "RALEIGH", "NC", "27601", "US", 35.78, lon)),
                        List.of(new Registration("NC", "R" + h + first, null, "WAKE", "A", null, null, "DEM", h < houses / 2 ? "01" : "02",
                                null, null, null, null, null)),
                        List.of(), h < houses - 1 ? List.of("walk") : List.of()));
            }
        }
        // Someone tagged but with no address cannot be placed on a turf.
        people.add(new NewPerson("Nomad", null, "Walker", null, null, 1970, null, "DEM", 2, ContactCategory.PROSPECT, "test",
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of("walk")));
        return people;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSegmentIsCutIntoStoredTurfsWhoseDoorsComeInRouteOrder(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Turf", "NC").id();
            db.people().insert(campaign, street(21));
            SegmentIndex index = SegmentIndex.build(new JooqSegmentSource(db), campaign);
            JooqTurfStore store = new JooqTurfStore(db);
            JooqHomeStore homes = new JooqHomeStore(db);
            long[] ids = index.ids(SegmentParser.parse("tag(walk)"), java.time.Instant.now());
            assertThat(homes.homes(campaign, ids)).hasSize(40).extracting(Home::precinct).containsOnly("01", "02");

            TurfCuts.Result result = new TurfCuts(index, homes, store).cut(campaign, "East Raleigh", "tag(walk)",
                    SegmentParser.parse("tag(walk)"), new TurfCutter.Options(5, true), 7L);
            assertThat(result.doors()).isEqualTo(20);
            assertThat(result.people()).isEqualTo(41);
            assertThat(result.unplaced()).isEqualTo(1);

            TurfStore.Cut cut = store.cut(campaign, result.cutId()).orElseThrow();
            assertThat(cut.name()).isEqualTo("East Raleigh");
            assertThat(cut.filter()).isEqualTo("tag(walk)");
            assertThat(cut.withinPrecincts()).isTrue();
            assertThat(cut.turfs()).isEqualTo(result.turfs()).isEqualTo(4);
            assertThat(cut.doors()).isEqualTo(20);
            assertThat(cut.createdBy()).isEqualTo(7L);
            assertThat(store.cuts(campaign)).extracting(TurfStore.Cut::id).containsExactly(result.cutId());
            assertThat(store.cut(campaign + 1, result.cutId())).isEmpty();

            List<TurfStore.Turf> turfs = store.turfs(campaign, result.cutId());
            assertThat(turfs).extracting(TurfStore.Turf::doors).containsExactly(5, 5, 5, 5);
            assertThat(turfs).extracting(TurfStore.Turf::precinct).containsExactly("01", "01", "02", "02");
            assertThat(turfs.getFirst().name()).isEqualTo("East Raleigh 1 (precinct 01)");
            Set<Long> people = new HashSet<>();
            for (TurfStore.Turf t : turfs) {
                assertThat(store.turf(campaign, t.id())).contains(t);
                // Five houses in a row 30 m apart: the route walks them end to end.
                assertThat(t.routeMetres()).isCloseTo(120, org.assertj.core.data.Offset.offset(2.0));
                List<TurfStore.TurfDoor> doors = store.doors(t.id());
                assertThat(doors).extracting(TurfStore.TurfDoor::position).containsExactly(1, 2, 3, 4, 5);
                assertThat(doors).allSatisfy(d -> assertThat(d.personIds()).hasSize(2));
                List<Double> longitudes = doors.stream().map(TurfStore.TurfDoor::longitude).toList();
                assertThat(longitudes).satisfiesAnyOf(l -> assertThat(l).isSorted(),
                        l -> assertThat(l.reversed()).isSorted());
                doors.forEach(d -> people.addAll(d.personIds()));
            }
            assertThat(people).hasSize(40);
        }
    }
}
