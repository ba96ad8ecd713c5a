package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.canvass.CanvassFixtures;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.Door;
import org.muster.canvass.FieldProgress;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Submission;
import org.muster.canvass.TurfWalkLists;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParser;
import org.muster.turf.TurfCuts;
import org.muster.turf.TurfCutter;
import org.muster.turf.TurfStore;

/** Walk lists made from turfs: route order, one list per turf, canvassers in turn, progress by turf. */
class TurfWalkListsTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachTurfOfACutBecomesAWalkListInRouteOrderHandedOutInTurn(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Turf lists", "NC").id();
            db.people().insert(campaign, TurfStoreTest.street(21));
            SegmentIndex index = SegmentIndex.build(new JooqSegmentSource(db), campaign);
            JooqTurfStore turfStore = new JooqTurfStore(db);
            long cutId = new TurfCuts(index, new JooqHomeStore(db), turfStore).cut(campaign, "Oak", "tag(walk)",
                    SegmentParser.parse("tag(walk)"), new TurfCutter.Options(5, true), null).cutId();
            CanvassStore store = db.canvass();
            long script = store.createScript(campaign, "Doors", CanvassFixtures.SCRIPT).id();
            User sam = db.users().create(campaign, "sam@turf.test", "Sam", Role.VOLUNTEER, "pw-pw-pw-pw".toCharArray());
            User kim = db.users().create(campaign, "kim@turf.test", "Kim", Role.VOLUNTEER, "pw-pw-pw-pw".toCharArray());
            User organiser = db.users().create(campaign, "org@turf.test", "Org", Role.ORGANISER, "pw-pw-pw-pw".toCharArray());
            TurfWalkLists lists = new TurfWalkLists(turfStore, store);
            LocalDate due = LocalDate.of(2026, 12, 1);

            // Bad input names what is wrong and creates nothing.
            assertThatThrownBy(() -> lists.make(campaign, cutId, script, List.of(sam.id(), 999L), due, organiser.id()))
                    .hasMessageContaining("User 999");
            assertThatThrownBy(() -> lists.make(campaign, cutId, 999, List.of(), null, organiser.id())).hasMessageContaining("script 999");
            assertThatThrownBy(() -> lists.make(campaign, 999, script, List.of(), null, organiser.id())).hasMessageContaining("turf cut 999");
            assertThat(store.lists(campaign)).isEmpty();

            TurfWalkLists.Made made = lists.make(campaign, cutId, script, List.of(sam.id(), kim.id()), due, organiser.id());
            List<TurfStore.Turf> turfs = turfStore.turfs(campaign, cutId);
            assertThat(made.created()).hasSize(4).extracting(CanvassList::turfId).containsExactlyElementsOf(turfs.stream().map(TurfStore.Turf::id).toList());
            assertThat(made.created()).extracting(CanvassList::name).containsExactlyElementsOf(turfs.stream().map(TurfStore.Turf::name).toList());
            for (int i = 0; i < turfs.size(); i++) {
                CanvassList list = made.created().get(i);
                List<Long> route = turfStore.doors(turfs.get(i).id()).stream().flatMap(d -> d.personIds().stream()).toList();
                assertThat(store.doors(list.id())).extracting(Door::personId).as("the turf's route, door by door").containsExactlyElementsOf(route);
                long expected = i % 2 == 0 ? sam.id() : kim.id();
                assertThat(store.assignments(list.id())).singleElement().satisfies(a -> {
                    assertThat(a.userId()).isEqualTo(expected);
                    assertThat(a.dueOn()).isEqualTo(due);
                });
            }
            Door first = store.doors(made.created().getFirst().id()).getFirst();
            assertThat(first.latitude()).isEqualTo(35.78);
            assertThat(first.longitude()).isNotNull();
            assertThat(first.birthYear()).isEqualTo(1970);
            assertThat(first.party()).isEqualTo("DEM");
            assertThat(store.assignedLists(campaign, sam.id())).hasSize(2);

            TurfWalkLists.Made again = lists.make(campaign, cutId, script, List.of(), null, organiser.id());
            assertThat(again.created()).as("a turf gets one list").isEmpty();
            assertThat(again.skipped()).isEqualTo(4);

            CanvassList list = made.created().getFirst();
            long person = store.doors(list.id()).getFirst().personId();
            store.submit(campaign, sam, new Submission("turf-1", list.id(), person, ResultCode.CONTACTED, Map.of(1, 1), null, Instant.now(), null));
            assertThat(store.progress(campaign)).singleElement().isEqualTo(new FieldProgress(list.id(), list.name(), turfs.getFirst().id(),
                    turfs.getFirst().name(), sam.id(), "Sam", 1, 1, 1));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRouteListKeepsTheOrderGivenAndOnlyTheCampaignsPeople(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Route", "NC").id();
            List<Long> elm = CanvassFixtures.street(db, campaign, "E", 4);  // houses 4, 3, 2, 1
            long outsider = CanvassFixtures.street(db, db.campaigns().create("Other", "NC").id(), "O", 1).getFirst();
            CanvassStore store = db.canvass();
            long script = store.createScript(campaign, "Doors", CanvassFixtures.SCRIPT).id();
            long[] route = {elm.get(1), outsider, elm.get(3), elm.get(0), elm.get(1), elm.get(2)};
            CanvassList list = store.createRouteList(campaign, "Route", script, "turf 7", 7L, route, null);
            assertThat(list.turfId()).isEqualTo(7L);
            assertThat(store.doors(list.id())).extracting(Door::personId).as("not street order, and each person once")
                    .containsExactly(elm.get(1), elm.get(3), elm.get(0), elm.get(2));
        }
    }
}
