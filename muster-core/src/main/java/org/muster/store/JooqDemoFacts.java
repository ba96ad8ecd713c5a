package org.muster.store;

import static org.muster.store.SegmentTables.ScoreTable;

import java.util.List;

/**
 * Bulk writes for the demo campaign's scores and message engagement (what a model run and a few months of email
 * and SMS would have left), in one transaction each. Demo-only: loaded before the server starts, so no outbox
 * events are written (the segment index is built from the tables at first use).
 */
public final class JooqDemoFacts {

    public record ScoreRow(long personId, String name, double value) {
    }

    public record ActivityRow(long personId, long at, String type, String summary) {
    }

    private final Database database;

    public JooqDemoFacts(Database database) {
        this.database = database;
    }

    public void scores(List<ScoreRow> rows, long computedAt) {
        database.dsl().transaction(cfg -> {
            Batch batch = new Batch(cfg.dsl(), ScoreTable.T, ScoreTable.PERSON_ID, ScoreTable.NAME, ScoreTable.VALUE, ScoreTable.COMPUTED_AT);
            rows.forEach(r -> batch.add(r.personId(), r.name(), r.value(), computedAt));
            batch.execute();
        });
    }

    public void activities(List<ActivityRow> rows, String actor) {
        database.dsl().transaction(cfg -> {
            Batch batch = new Batch(cfg.dsl(), Tables.ActivityTable.T, Tables.ActivityTable.PERSON_ID, Tables.ActivityTable.AT,
                    Tables.ActivityTable.TYPE, Tables.ActivityTable.SUMMARY, Tables.ActivityTable.ACTOR);
            rows.forEach(r -> batch.add(r.personId(), r.at(), r.type(), r.summary(), actor));
            batch.execute();
        });
    }
}
