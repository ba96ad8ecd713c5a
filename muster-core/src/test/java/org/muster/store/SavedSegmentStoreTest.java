package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.segment.SavedSegment;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;

class SavedSegmentStoreTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savedSegmentsAreReplacedByNameAndUsableAsClauses(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Segments", "NC").id();
            long other = db.campaigns().create("Other", "NC").id();
            Instant now = Instant.now();
            SegmentFixtures.populate(db, campaign, 60, 5, now);
            JooqSavedSegmentStore store = new JooqSavedSegmentStore(db);
            store.save(campaign, "donors", "tag(donor)", null);
            SavedSegment replaced = store.save(campaign, "donors", "TAG(donor)  and support <= 2", 1L);
            store.save(other, "donors", "tag(volunteer)", null);

            assertThat(store.list(campaign)).extracting(SavedSegment::name, SavedSegment::filter)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("donors", "tag(donor) and support <= 2"));
            assertThat(replaced.createdBy()).isNull();
            assertThatThrownBy(() -> store.save(campaign, "bad", "tag(", null)).isInstanceOf(SegmentParseException.class);

            SegmentSql sql = new SegmentSql(db, campaign);
            var viaReference = store.resolver(campaign).resolve(SegmentParser.parse("segment(donors) or tag(volunteer)"));
            assertThat(sql.ids(viaReference, now)).containsExactly(
                    sql.ids(SegmentParser.parse("(tag(donor) and support <= 2) or tag(volunteer)"), now));
        }
    }
}
