package org.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private final long[] ids = LongStream.rangeClosed(1, 1001).map(i -> i * 3).toArray();

    @Test
    void groupsPartitionThePeopleInNearlyEqualSizes() {
        List<long[]> groups = Splits.split(ids, 3, 99);
        assertThat(groups).extracting(g -> g.length).containsExactlyInAnyOrder(333, 334, 334);
        long[] all = groups.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(ids);
    }

    @Test
    void sameSeedSameGroupsWhateverTheInputOrderAndAnotherSeedOthers() {
        long[] reversed = LongStream.range(0, ids.length).map(i -> ids[ids.length - 1 - (int) i]).toArray();
        assertThat(Splits.split(reversed, 2, 7).get(0)).containsExactly(Splits.split(ids, 2, 7).get(0));
        assertThat(Splits.split(ids, 2, 8).get(0)).isNotEqualTo(Splits.split(ids, 2, 7).get(0));
    }

    @Test
    void namedSharesBecomeConsecutiveBucketRangesAndBadSpecsAreNamed() {
        assertThat(Splits.groups("A 45, B 45%, control 10")).containsExactly(new Splits.Group("A", 0, 45),
                new Splits.Group("B", 45, 90), new Splits.Group("control", 90, 100));
        assertThat(Splits.groups("A 45").get(0).filter(new Filter.Tag("x"), 7).toString()).isEqualTo("tag(x) and split(7, 0%, 45%)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Splits.groups("A 60, B 50"))
                .hasMessage("The groups add up to more than 100% at group B");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Splits.groups("A sixty")).hasMessageContaining("\"A sixty\" must be a name");
    }
}
