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
}
