package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.store.CanvassTables.ResultTable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.muster.canvass.ListKind;
import org.muster.canvass.NewContact;
import org.muster.canvass.Outcome;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Submission;
import org.muster.canvass.SubmissionResult;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParser;

class CanvassStoreTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void walkListsAreInStreetOrderAndCallListsOnlyHoldPhones(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Field", "NC").id();
            List<Long> elm = CanvassFixtures.street(db, campaign, "E", 11);
            long homeless = db.people().insert(campaign, List.of(new NewPerson("No", null, "Address", null, null, null, null, null, null,
                    ContactCategory.PROSPECT, "test", null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))).getFirst();
            long other = db.campaigns().create("Other", "NC").id();
            long outsider = CanvassFixtures.street(db, other, "O", 1).getFirst();
            CanvassStore store = db.canvass();
            long script = store.createScript(campaign, "Main", CanvassFixtures.SCRIPT).id();
            long[] everyone = Stream.concat(elm.stream(), Stream.of(homeless, outsider)).mapToLong(Long::longValue).toArray();

            CanvassList walk = store.createList(campaign, "Elm St", ListKind.WALK, script, "tag(x)", 42L, everyone, null);
            assertThat(walk.doors()).isEqualTo(11);
            assertThat(walk.turfId()).isEqualTo(42L);
            assertThat(store.doors(walk.id())).extracting(Door::address).startsWith("1 ELM ST, Raleigh, NC 27601")
                    .extracting(a -> a.split(" ")[0]).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            CanvassList phone = store.createList(campaign, "Calls", ListKind.PHONE, script, "chosen", null, everyone, null);
            assertThat(store.doors(phone.id())).extracting(Door::personId).containsExactlyElementsOf(elm);
            assertThatThrownBy(() -> store.createList(campaign, "Bad", ListKind.WALK, 999, "x", null, everyone, null))
                    .hasMessageContaining("no script 999");
            assertThatThrownBy(() -> store.createScript(campaign, "Main", CanvassFixtures.SCRIPT)).hasMessageContaining("already");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resultsApplyOnceAndConflictsAreKeptButNotApplied(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Field", "NC").id();
            List<Long> people = CanvassFixtures.street(db, campaign, "R", 4);
            CanvassStore store = db.canvass();
            long script = store.createScript(campaign, "Main", CanvassFixtures.SCRIPT).id();
            CanvassList list = store.createList(campaign, "Elm", ListKind.WALK, script, "chosen", null, ids(people), null);
            CanvassList other = store.createList(campaign, "Elm again", ListKind.PHONE, script, "chosen", null, ids(people), null);
            User sam = volunteer(db, campaign, "sam");
            User kim = volunteer(db, campaign, "kim");
            store.assign(list.id(), sam.id(), LocalDate.of(2026, 11, 1), sam.id());
            store.assign(list.id(), kim.id(), null, sam.id());
            long ada = people.get(0);
            long before = outboxSize(db);
            SegmentIndex index = SegmentIndex.build(new JooqSegmentSource(db), campaign);

            Submission first = new Submission("k-1", list.id(), ada, ResultCode.CONTACTED, Map.of(1, 1, 2, 1), "Lovely dog",
                    Instant.now(), null);
            SubmissionResult applied = store.submit(campaign, sam, first);
            assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(applied.repeat()).isFalse();
            assertThat(store.submit(campaign, sam, first)).isEqualTo(new SubmissionResult(applied.resultId(), Outcome.APPLIED, true));
            assertThat(db.dsl().fetchCount(ResultTable.T, ResultTable.IDEMPOTENCY_KEY.eq("k-1"))).isEqualTo(1);

            var profile = db.people().profile(campaign, ada).orElseThrow();
            assertThat(profile.person().supportLevel()).isEqualTo(1);
            assertThat(profile.tags()).contains("supporter", "yard-sign");
            assertThat(profile.timeline()).anySatisfy(a -> {
                assertThat(a.type()).isEqualTo("canvass");
                assertThat(a.summary()).contains("Talked to them", "Yes, definitely", "Lovely dog");
                assertThat(a.actor()).isEqualTo("sam");
            });
            SegmentSql sql = new SegmentSql(db, campaign);
            assertThat(sql.ids(SegmentParser.parse("contacted(30d, canvass)"), Instant.now())).containsExactly(ada);
            assertThat(outboxSize(db)).isGreaterThanOrEqualTo(before + 2);
            index.catchUp();
            assertThat(index.ids(SegmentParser.parse("tag(yard-sign) and support = 1 and contacted(30d, canvass)"), Instant.now()))
                    .as("the bitmap index follows the outbox").containsExactly(ada);

            // Kim recorded the same door offline: kept, not applied, and the person keeps Sam's answers.
            SubmissionResult late = store.submit(campaign, kim, new Submission("k-2", list.id(), ada, ResultCode.CONTACTED,
                    Map.of(1, 3), null, Instant.now(), null));
            assertThat(late.outcome()).isEqualTo(Outcome.ALREADY_CANVASSED);
            assertThat(db.people().profile(campaign, ada).orElseThrow().person().supportLevel()).isEqualTo(1);

            // Not home leaves the door open; then Kim is unassigned and her next result is not applied.
            assertThat(store.submit(campaign, kim, new Submission("k-3", list.id(), people.get(1), ResultCode.NOT_HOME, Map.of(), null,
                    Instant.now(), null)).outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(store.doors(list.id()).get(1).open()).isTrue();
            assertThat(store.unassign(list.id(), kim.id())).isTrue();
            assertThat(store.isAssigned(list.id(), kim.id())).isFalse();
            assertThat(store.submit(campaign, kim, new Submission("k-4", list.id(), people.get(1), ResultCode.REFUSED, Map.of(), null,
                    Instant.now(), null)).outcome()).isEqualTo(Outcome.NOT_ASSIGNED);
            assertThat(store.doors(list.id()).get(1).open()).isTrue();

            // Moved and deceased mark the person; deceased closes their doors on every list.
            store.submit(campaign, sam, new Submission("k-5", list.id(), people.get(2), ResultCode.MOVED, Map.of(), null, Instant.now(), null));
            store.submit(campaign, sam, new Submission("k-6", list.id(), people.get(3), ResultCode.DECEASED, Map.of(), null, Instant.now(), null));
            assertThat(db.people().profile(campaign, people.get(2)).orElseThrow().tags()).contains("moved");
            assertThat(db.people().profile(campaign, people.get(3)).orElseThrow().tags()).contains("deceased");
            assertThat(store.doors(other.id())).filteredOn(d -> d.personId() == people.get(3)).singleElement()
                    .satisfies(d -> assertThat(d.open()).isFalse());

            // Someone new at the door waits for identity resolution.
            store.submit(campaign, sam, new Submission("k-7", list.id(), null, ResultCode.CONTACTED, Map.of(1, 2), null, Instant.now(),
                    new NewContact("Grace", "Hopper", "+19195550199", null, "3 ELM ST")));
            assertThat(store.pendingContacts(campaign, 10)).singleElement().satisfies(p -> {
                assertThat(p.contact().lastName()).isEqualTo("Hopper");
                assertThat(p.listId()).isEqualTo(list.id());
                store.linkContact(p.id(), ada);
            });
            assertThat(store.pendingContacts(campaign, 10)).isEmpty();

            // Answers that do not fit the script are refused whole.
            assertThatThrownBy(() -> store.submit(campaign, sam, new Submission("k-8", list.id(), people.get(1), ResultCode.CONTACTED,
                    Map.of(1, 3, 2, 1), null, Instant.now(), null))).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.dsl().fetchCount(ResultTable.T, ResultTable.IDEMPOTENCY_KEY.eq("k-8"))).isZero();

            assertThat(store.progress(campaign)).filteredOn(p -> p.userId() == sam.id()).singleElement()
                    .satisfies(p -> assertThat(p).isEqualTo(new FieldProgress(list.id(), "Elm", null, null, sam.id(), "sam", 3, 1, 1)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentCallersNeverHoldTheSamePerson(Supplier<Database> open) throws Exception {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Phones", "NC").id();
            List<Long> people = CanvassFixtures.street(db, campaign, "P", 40);
            CanvassStore store = db.canvass();
            long script = store.createScript(campaign, "Main", CanvassFixtures.SCRIPT).id();
            CanvassList list = store.createList(campaign, "Calls", ListKind.PHONE, script, "chosen", null, ids(people), null);
            int callers = 8;
            List<User> users = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                users.add(volunteer(db, campaign, "caller" + i));
                store.assign(list.id(), users.getLast().id(), null, users.getLast().id());
            }
            List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
                List<Future<?>> done = new ArrayList<>();
                for (User u : users) {
                    done.add(pool.submit(() -> {
                        // Each caller claims five people in a row, keeping every lease (calling them), so no two may overlap.
                        for (int i = 0; i < 5; i++) {
                            Door d = store.claimNext(list.id(), u.id(), Duration.ofMinutes(10)).orElseThrow();
                            claimed.add(d.personId());
                            store.submit(campaign, u, new Submission(u.id() + "-" + i, list.id(), d.personId(), ResultCode.CONTACTED,
                                    Map.of(), null, Instant.now(), null));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            }
            assertThat(claimed).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(people);
            assertThat(store.claimNext(list.id(), users.getFirst().id(), Duration.ofMinutes(10))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLeaseIsKeptUntilSkippedOrExpired(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Phones", "NC").id();
            List<Long> people = CanvassFixtures.street(db, campaign, "L", 3);
            CanvassStore store = db.canvass();
            long script = store.createScript(campaign, "Main", CanvassFixtures.SCRIPT).id();
            CanvassList list = store.createList(campaign, "Calls", ListKind.PHONE, script, "chosen", null, ids(people), null);
            User a = volunteer(db, campaign, "a");
            User b = volunteer(db, campaign, "b");
            long first = store.claimNext(list.id(), a.id(), Duration.ofMinutes(5)).orElseThrow().personId();
            assertThat(first).isEqualTo(people.getFirst());
            assertThat(store.claimNext(list.id(), a.id(), Duration.ofMinutes(5)).orElseThrow().personId()).as("still a's").isEqualTo(first);
            assertThat(store.claimNext(list.id(), b.id(), Duration.ofMinutes(5)).orElseThrow().personId()).isEqualTo(people.get(1));
            assertThat(store.skip(list.id(), first, b.id())).as("only the holder skips").isFalse();
            assertThat(store.skip(list.id(), first, a.id())).isTrue();
            assertThat(store.claimNext(list.id(), a.id(), Duration.ofMinutes(5)).orElseThrow().personId()).as("skipped goes last")
                    .isEqualTo(people.get(2));
            User c = volunteer(db, campaign, "c");
            Optional<Door> expired = store.claimNext(list.id(), c.id(), Duration.ZERO);
            assertThat(expired.orElseThrow().personId()).isEqualTo(first);
            assertThat(store.claimNext(list.id(), c.id(), Duration.ofMinutes(5)).orElseThrow().personId())
                    .as("a zero lease is already over, so the person is free again").isEqualTo(first);
        }
    }

    private static User volunteer(Database db, long campaign, String name) {
        return db.users().create(campaign, name + "@example.org", name, Role.VOLUNTEER, "secret-pass".toCharArray());
    }

    private static long[] ids(List<Long> people) {
        return people.stream().mapToLong(Long::longValue).toArray();
    }

    private static long outboxSize(Database db) {
        return db.dsl().fetchCount(Tables.OutboxEventTable.T);
    }
}
