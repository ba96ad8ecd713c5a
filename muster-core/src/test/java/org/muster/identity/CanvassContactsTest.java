package org.muster.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
import org.muster.canvass.ListKind;
import org.muster.canvass.NewContact;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Submission;
import org.muster.people.Activity;
import org.muster.people.PersonProfile;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.store.TestDatabases;

/** People met at the door go through the matcher, and what they said is written to the person it finds or makes. */
class CanvassContactsTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKnownPersonMetAtTheDoorIsMatchedAndAStrangerCreatedEachWithTheirAnswers(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Doors", "NC").id();
            PersonLinkerTest.someNeighbours(db, campaign);
            CanvassStore store = db.canvass();
            List<Long> street = CanvassFixtures.street(db, campaign, "D", 2);
            long script = store.createScript(campaign, "Doors", CanvassFixtures.SCRIPT).id();
            CanvassList list = store.createList(campaign, "Elm", ListKind.WALK, script, "chosen", null,
                    street.stream().mapToLong(Long::longValue).toArray(), null);
            User sam = db.users().create(campaign, "sam@doors.test", "Sam", Role.VOLUNTEER, "pw-pw-pw-pw".toCharArray());
            store.assign(list.id(), sam.id(), null, sam.id());
            long maria = db.people().search(campaign, "maria@example.net", 1).getFirst().id();

            // Maria, typed at the door with her phone as people say it: the matcher finds her.
            store.submit(campaign, sam, new Submission("met-1", list.id(), null, ResultCode.CONTACTED, Map.of(1, 1, 2, 1), "lives next door",
                    Instant.now(), new NewContact("Maria", "Lopez", "(919) 555-1000", "maria@example.net", "10 Pine St")));
            store.submit(campaign, sam, new Submission("met-2", list.id(), null, ResultCode.CONTACTED, Map.of(1, 2, 3, 1), null,
                    Instant.now(), new NewContact("Zebedee", "Quillfeather", null, "not an email", null)));
            assertThat(store.pendingContacts(campaign, 10)).hasSize(2);

            CanvassContacts contacts = new CanvassContacts(new PersonLinker(new JooqMatchStore(db), db.people()), store);
            List<CanvassContacts.Linked> linked = contacts.linkPending(campaign);
            assertThat(linked).extracting(l -> l.result().decision()).containsExactly(LinkResult.Decision.MATCH, LinkResult.Decision.NEW);
            assertThat(linked.getFirst().result().personId()).isEqualTo(maria);
            assertThat(store.pendingContacts(campaign, 10)).isEmpty();
            assertThat(contacts.linkPending(campaign)).as("nothing linked twice").isEmpty();

            PersonProfile known = db.people().profile(campaign, maria).orElseThrow();
            assertThat(known.person().supportLevel()).isEqualTo(1);
            assertThat(known.tags()).contains("supporter", "yard-sign");
            assertThat(known.timeline()).extracting(Activity::type).contains("matched", "canvass");
            assertThat(known.timeline()).filteredOn(a -> a.type().equals("canvass")).singleElement()
                    .satisfies(a -> assertThat(a.summary()).contains("Talked to them", "lives next door"));

            PersonProfile stranger = db.people().profile(campaign, linked.get(1).result().personId()).orElseThrow();
            assertThat(stranger.person().lastName()).isEqualTo("Quillfeather");
            assertThat(stranger.emails()).as("what is not an email is left out").isEmpty();
            assertThat(stranger.person().supportLevel()).isEqualTo(3);
            assertThat(stranger.tags()).contains("issue-schools");
            assertThatThrownBy(() -> store.linkContact(linked.getFirst().pendingId(), maria)).hasMessageContaining("no pending new person");
        }
    }
}
