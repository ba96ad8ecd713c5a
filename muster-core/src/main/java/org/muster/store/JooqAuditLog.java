package org.muster.store;

import static org.muster.store.Tables.AuditLogTable;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.muster.account.AuditLog;

/** {@link AuditLog} over jOOQ: insert-only. */
final class JooqAuditLog implements AuditLog {

    private final DSLContext dsl;

    JooqAuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(Long userId, String action, String target, String detail) {
        dsl.insertInto(AuditLogTable.T, AuditLogTable.AT, AuditLogTable.USER_ID, AuditLogTable.ACTION, AuditLogTable.TARGET, AuditLogTable.DETAIL)
                .values(System.currentTimeMillis(), userId, action, target, detail).execute();
    }

    @Override
    public List<Entry> recent(int limit) {
        return dsl.select(AuditLogTable.ID, AuditLogTable.AT, AuditLogTable.USER_ID, AuditLogTable.ACTION, AuditLogTable.TARGET, AuditLogTable.DETAIL)
                .from(AuditLogTable.T).orderBy(AuditLogTable.ID.desc()).limit(limit)
                .fetch(r -> new Entry(r.get(AuditLogTable.ID), Instant.ofEpochMilli(r.get(AuditLogTable.AT)), r.get(AuditLogTable.USER_ID),
                        r.get(AuditLogTable.ACTION), r.get(AuditLogTable.TARGET), r.get(AuditLogTable.DETAIL)));
    }
}
