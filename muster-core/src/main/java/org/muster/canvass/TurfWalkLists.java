package org.muster.canvass;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.muster.account.User;
import org.muster.turf.TurfStore;

/**
 * Turns the turfs of a cut into walk lists: one list per turf, its people in the turf's route order (door by door,
 * the people behind each door together), optionally handed out to canvassers with a due date.
 */
public final class TurfWalkLists {

    /** What {@link #make} did: the lists it created (in turf order), the turfs skipped because they had a list already. */
    public record Made(List<CanvassList> created, int skipped) {
    }

    private static final int MAX_NAME = 100;

    private final TurfStore turfs;
    private final CanvassStore lists;

    public TurfWalkLists(TurfStore turfs, CanvassStore lists) {
        this.turfs = turfs;
        this.lists = lists;
    }

    /**
     * Makes a list for every turf of the cut that has none yet (so a second run creates nothing twice). With
     * canvassers, the new lists go to them in turn: the first turf to the first, the second to the second, and so on,
     * round again when there are more turfs than canvassers.
     *
     * @param assignees user ids, possibly none; every one must be an active canvasser of the campaign
     * @throws IllegalArgumentException naming the cut, script or user that is wrong; nothing is created then
     */
    public Made make(long campaignId, long cutId, long scriptId, List<Long> assignees, LocalDate dueOn, Long userId) {
        TurfStore.Cut cut = turfs.cut(campaignId, cutId)
                .orElseThrow(() -> new IllegalArgumentException("There is no turf cut " + cutId + " in this campaign."));
        if (lists.script(campaignId, scriptId).isEmpty()) {
            throw new IllegalArgumentException("There is no script " + scriptId + " in this campaign.");
        }
        Set<Long> canvassers = new HashSet<>(lists.assignableUsers(campaignId).stream().map(User::id).toList());
        for (Long id : assignees) {
            if (!canvassers.contains(Objects.requireNonNull(id))) {
                throw new IllegalArgumentException("User " + id + " is not an active canvasser of this campaign.");
            }
        }
        if (!assignees.isEmpty() && userId == null) throw new IllegalArgumentException("An assignment needs the user who makes it.");
        Set<Long> listed = new HashSet<>();
        for (CanvassList l : lists.lists(campaignId)) if (l.turfId() != null) listed.add(l.turfId());
        List<CanvassList> created = new ArrayList<>();
        int skipped = 0;
        for (TurfStore.Turf turf : turfs.turfs(campaignId, cut.id())) {
            if (listed.contains(turf.id())) {
                skipped++;
                continue;
            }
            long[] people = turfs.doors(turf.id()).stream().flatMap(d -> d.personIds().stream()).mapToLong(Long::longValue).toArray();
            String name = turf.name().length() > MAX_NAME ? turf.name().substring(0, MAX_NAME) : turf.name();
            CanvassList list = lists.createRouteList(campaignId, name, scriptId, "turf cut " + cut.name() + " (" + cut.filter() + ")",
                    turf.id(), people, userId);
            if (!assignees.isEmpty()) lists.assign(list.id(), assignees.get(created.size() % assignees.size()), dueOn, userId);
            created.add(list);
        }
        return new Made(created, skipped);
    }
}
