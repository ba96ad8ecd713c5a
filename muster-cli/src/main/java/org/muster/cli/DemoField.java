package org.muster.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.muster.account.User;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.ListKind;
import org.muster.canvass.StoredScript;
import org.muster.canvass.TurfWalkLists;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.JooqHomeStore;
import org.muster.store.JooqTurfStore;
import org.muster.store.SegmentSql;
import org.muster.turf.TurfCuts;
import org.muster.turf.TurfCutter;
import org.muster.turf.TurfStore;

/**
 * Canvassing in the demo: a script; the largest precinct cut into turfs of about {@value #TURF_DOORS} doors, each
 * made a walk list in route order, the first {@value #VOLUNTEER_TURFS} assigned to the demo volunteer (the rest wait
 * on the turf page for the organiser to hand out); and a call list of the precinct's persuadable people, assigned
 * too. So the canvassing app has turfs to walk, with their map, at first login.
 */
final class DemoField {

    static final int TURF_DOORS = 20;
    static final int VOLUNTEER_TURFS = 2;
    static final int CALLS = 200;
    static final String SCRIPT_NAME = "Demo door script";
    static final String SCRIPT = """
            Hi, I'm a volunteer with Friends of Alex Rivera. Do you have a minute to talk about the election?
            Q: If the election were today, would you vote for Alex Rivera?
            - Definitely [support=1, tag=supporter] -> 2
            - Probably [support=2] -> 2
            - Undecided [support=3] -> 3
            - Probably not [support=4] -> end
            - Definitely not [support=5] -> end
            Q: Would you put up a yard sign?
            - Yes [tag=yard-sign]
            - No
            Q: Which issue matters most to you?
            - Schools [tag=issue-schools]
            - Jobs [tag=issue-jobs]
            - Health care [tag=issue-health]
            """;

    private DemoField() {
    }

    /** Creates the demo's script, call list and turf walk lists once; what a loaded demo already has is left as it is. */
    static void ensure(Database db, long campaignId, User volunteer) {
        CanvassStore store = db.canvass();
        SegmentSql sql = new SegmentSql(db, campaignId);
        Instant now = Instant.now();
        Map<String, Long> precincts = sql.countByPrecinct(SegmentParser.parse("not support = 9"), now);
        if (precincts.isEmpty()) return;
        String precinct = precincts.keySet().iterator().next();
        String walk = "precinct = \"" + precinct + "\"";
        LocalDate due = LocalDate.now().plusWeeks(1);
        long script = store.scripts(campaignId).stream().filter(s -> s.name().equals(SCRIPT_NAME)).findFirst()
                .map(StoredScript::id).orElseGet(() -> store.createScript(campaignId, SCRIPT_NAME, SCRIPT).id());
        if (store.lists(campaignId).stream().noneMatch(l -> l.kind() == ListKind.PHONE)) {
            String calls = walk + " and not support = 1 and not support = 5";
            long callList = store.createList(campaignId, "Precinct " + precinct + " persuasion calls", ListKind.PHONE, script, calls, null,
                    sql.firstIds(SegmentParser.parse(calls), now, CALLS), null).id();
            store.assign(callList, volunteer.id(), due, volunteer.id());
        }
        TurfStore turfs = new JooqTurfStore(db);
        if (turfs.cuts(campaignId).isEmpty()) {
            long cut = new TurfCuts(sql, new JooqHomeStore(db), turfs).cut(campaignId, "Precinct " + precinct, walk, SegmentParser.parse(walk),
                    new TurfCutter.Options(TURF_DOORS, true), null).cutId();
            List<CanvassList> lists = new TurfWalkLists(turfs, store).make(campaignId, cut, script, List.of(), null, null).created();
            for (CanvassList list : lists.subList(0, Math.min(VOLUNTEER_TURFS, lists.size()))) {
                store.assign(list.id(), volunteer.id(), due, volunteer.id());
            }
        }
    }
}
