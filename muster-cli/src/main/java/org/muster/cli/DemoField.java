package org.muster.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.muster.account.User;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.ListKind;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.SegmentSql;

/**
 * Canvassing in the demo: a script, a walk list of the largest precinct and a call list of its persuadable people,
 * both assigned to the demo volunteer, so the canvassing app has something to walk at first login.
 */
final class DemoField {

    static final int WALK_DOORS = 120;
    static final int CALLS = 200;
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

    /** Creates the demo lists once; a demo that already has lists is left as it is. */
    static void ensure(Database db, long campaignId, User volunteer) {
        CanvassStore store = db.canvass();
        if (!store.lists(campaignId).isEmpty()) return;
        SegmentSql sql = new SegmentSql(db, campaignId);
        Instant now = Instant.now();
        Map<String, Long> precincts = sql.countByPrecinct(SegmentParser.parse("not support = 9"), now);
        if (precincts.isEmpty()) return;
        String precinct = precincts.keySet().iterator().next();
        long script = store.createScript(campaignId, "Demo door script", SCRIPT).id();
        String walk = "precinct = \"" + precinct + "\"";
        String calls = walk + " and not support = 1 and not support = 5";
        long walkList = store.createList(campaignId, "Precinct " + precinct + " doors", ListKind.WALK, script, walk, null,
                sql.firstIds(SegmentParser.parse(walk), now, WALK_DOORS), null).id();
        long callList = store.createList(campaignId, "Precinct " + precinct + " persuasion calls", ListKind.PHONE, script, calls, null,
                sql.firstIds(SegmentParser.parse(calls), now, CALLS), null).id();
        LocalDate due = LocalDate.now().plusWeeks(1);
        store.assign(walkList, volunteer.id(), due, volunteer.id());
        store.assign(callList, volunteer.id(), due, volunteer.id());
    }
}
