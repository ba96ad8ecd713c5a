package org.muster.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The A/B split (AbTest.groups, as a send uses it): reproducible by its seed, test groups of the asked share, the rest held. */
class AbTestGroupsTest {

    private static MessagingStore.Send send(int variants, double fraction, long seed) {
        List<Variant> vs = java.util.stream.IntStream.range(0, variants)
                .mapToObj(i -> new Variant(i + 1, String.valueOf((char) ('A' + i)), "a@b.org", "s", "<p>x</p>", null, null)).toList();
        return new MessagingStore.Send(1, 1, new MessagingStore.SendDefinition("t", Channel.EMAIL, "f", AudienceRules.DEFAULT, false,
                fraction, Metric.CLICK, seed, Duration.ofHours(1), vs), MessagingStore.Status.SENDING, null, Instant.EPOCH, null, null,
                null, null, null, Instant.EPOCH);
    }

    @Test
    void theSameSeedGivesTheSameGroupsAndTheTestTakesTheAskedShare() {
        long[] people = LongStream.rangeClosed(1, 10_000).map(i -> i * 3).toArray();
        int[] first = SendJob.groups(people, send(2, 0.2, 99));
        int[] again = SendJob.groups(people, send(2, 0.2, 99));
        int[] other = SendJob.groups(people, send(2, 0.2, 100));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // 20 % for two variants: ten parts, two of them test groups of 10 % each, the other eight held for the winner.
        assertThat(Arrays.stream(first).filter(g -> g == 0).count()).isEqualTo(1_000);
        assertThat(Arrays.stream(first).filter(g -> g == 1).count()).isEqualTo(1_000);
        assertThat(Arrays.stream(first).filter(g -> g >= 2).count()).isEqualTo(8_000);
    }

    @Test
    void withoutATestTheVariantsShareEveryone() {
        long[] people = LongStream.rangeClosed(1, 999).toArray();
        int[] groups = SendJob.groups(people, send(3, 1, 5));
        assertThat(Arrays.stream(groups).max().orElseThrow()).isEqualTo(2);
        assertThat(Arrays.stream(groups).filter(g -> g == 0).count()).isEqualTo(333);
        assertThat(SendJob.groups(people, send(1, 0.5, 5))).containsOnly(0);
    }
}
