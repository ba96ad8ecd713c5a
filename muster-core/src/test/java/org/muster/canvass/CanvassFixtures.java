package org.muster.canvass;

import java.util.ArrayList;
import java.util.List;
import org.muster.people.NewPerson;
import org.muster.people.PeopleFixtures;
import org.muster.store.Database;

/** A script and street of voters for canvassing tests (store, web and browser). */
public final class CanvassFixtures {

    /** Q1 sets support and jumps; Q2 tags yard signs; Q3 is only reached by undecided people. */
    public static final String SCRIPT = """
            Hi, I'm a volunteer with Friends of Ada.
            Q: Will you vote for Ada?
            - Yes, definitely [support=1, tag=supporter] -> 2
            - Undecided [support=3] -> 3
            - No [support=5] -> end
            Q: Would you take a yard sign?
            - Yes [tag=yard-sign]
            - No -> end
            Q: What matters most to you?
            - Schools [tag=issue-schools]
            - Jobs [tag=issue-jobs]
            """;

    private CanvassFixtures() {
    }

    /** {@code count} voters on Elm St with house numbers count..1 (inserted in reverse walking order), each with a phone. */
    public static List<Long> street(Database db, long campaignId, String prefix, int count) {
        List<NewPerson> people = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            people.add(PeopleFixtures.voter(prefix + i, "Walker", null, "+1919555" + String.format("%04d", i),
                    i + " ELM ST", prefix + "-" + i));
        }
        return db.people().insert(campaignId, people);
    }
}
