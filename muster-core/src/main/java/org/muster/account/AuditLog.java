package org.muster.account;

import java.time.Instant;
import java.util.List;

/** Append-only record of who did what: logins, exports, bulk actions, reads of sensitive data. */
public interface AuditLog {

    record Entry(long id, Instant at, Long userId, String action, String target, String detail) {
    }

    void record(Long userId, String action, String target, String detail);

    List<Entry> recent(int limit);
}
