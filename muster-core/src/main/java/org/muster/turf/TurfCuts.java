package org.muster.turf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.geo.Home;
import org.muster.geo.HomeStore;
import org.muster.segment.Filter;
import org.muster.segment.SegmentExecutor;

/** Cuts a segment into turfs and stores them: the segment's people, their homes, grouped into doors, cut, saved. */
public final class TurfCuts {

    /** What a cut did: its id, how many turfs and doors, and the people left out for having no geocoded home. */
    public record Result(long cutId, int turfs, int doors, long people, long unplaced) {
    }

    private final SegmentExecutor index;
    private final HomeStore homes;
    private final TurfStore store;

    public TurfCuts(SegmentExecutor index, HomeStore homes, TurfStore store) {
        this.index = index;
        this.homes = homes;
        this.store = store;
    }

    /** @param filterText the segment as typed, kept with the cut; {@code filter} is it resolved */
    public Result cut(long campaignId, String name, String filterText, Filter filter, TurfCutter.Options options, Long userId) {
        long[] ids = index.ids(filter, Instant.now());
        List<Door> doors = doors(homes.homes(campaignId, ids));
        long placed = doors.stream().mapToLong(d -> d.personIds().length).sum();
        List<CutTurf> turfs = TurfCutter.cut(doors, options);
        long cutId = store.save(campaignId, name, filterText, options, userId, turfs);
        return new Result(cutId, turfs.size(), doors.size(), ids.length, ids.length - placed);
    }

    /** One door per household; people without a household (no usable address) cannot be walked to and are left out. */
    static List<Door> doors(List<Home> homes) {
        Map<Long, List<Home>> byHousehold = new LinkedHashMap<>();
        for (Home h : homes) {
            if (h.householdId() != null) byHousehold.computeIfAbsent(h.householdId(), k -> new ArrayList<>()).add(h);
        }
        List<Door> doors = new ArrayList<>(byHousehold.size());
        byHousehold.forEach((household, people) -> {
            Home first = people.getFirst();
            doors.add(new Door(household, first.latitude(), first.longitude(), first.precinct(),
                    people.stream().mapToLong(Home::personId).toArray()));
        });
        return doors;
    }
}
