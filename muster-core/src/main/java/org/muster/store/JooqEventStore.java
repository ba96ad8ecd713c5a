package org.muster.store;

import static org.muster.store.DonationEventTables.EventAttendanceTable;
import static org.muster.store.DonationEventTables.EventTable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.muster.event.AttendanceStatus;
import org.muster.event.Event;
import org.muster.event.EventStore;

/** Events and attendance in {@code event} and {@code event_attendance} (V14). */
public final class JooqEventStore implements EventStore {

    private final DSLContext dsl;

    public JooqEventStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Event create(long campaignId, String name, Instant startsAt, String location) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an event needs a name");
        long id = dsl.insertInto(EventTable.T, EventTable.CAMPAIGN_ID, EventTable.NAME, EventTable.STARTS_AT, EventTable.LOCATION, EventTable.CREATED_AT)
                .values(campaignId, name.strip(), startsAt.toEpochMilli(), location, System.currentTimeMillis())
                .returningResult(EventTable.ID).fetchOne().value1();
        return new Event(id, campaignId, name.strip(), startsAt, location);
    }

    @Override
    public List<Event> list(long campaignId) {
        return dsl.select(EventTable.ID, EventTable.CAMPAIGN_ID, EventTable.NAME, EventTable.STARTS_AT, EventTable.LOCATION)
                .from(EventTable.T).where(EventTable.CAMPAIGN_ID.eq(campaignId)).orderBy(EventTable.STARTS_AT, EventTable.ID)
                .fetch(r -> new Event(r.value1(), r.value2(), r.value3(), Instant.ofEpochMilli(r.value4()), r.value5()));
    }

    @Override
    public void setAttendance(long eventId, long personId, AttendanceStatus status) {
        dsl.transaction(cfg -> {
            long now = System.currentTimeMillis();
            int updated = cfg.dsl().update(EventAttendanceTable.T).set(EventAttendanceTable.STATUS, status.dbValue())
                    .set(EventAttendanceTable.RECORDED_AT, now)
                    .where(EventAttendanceTable.EVENT_ID.eq(eventId)).and(EventAttendanceTable.PERSON_ID.eq(personId)).execute();
            if (updated == 0) {
                cfg.dsl().insertInto(EventAttendanceTable.T, EventAttendanceTable.EVENT_ID, EventAttendanceTable.PERSON_ID,
                        EventAttendanceTable.STATUS, EventAttendanceTable.RECORDED_AT, EventAttendanceTable.REGISTERED_AT)
                        .values(eventId, personId, status.dbValue(), now, now).execute();
            }
            Batch events = Outbox.batch(cfg.dsl());
            Outbox.add(events, now, "person", personId, "person.attendance");
            events.execute();
        });
    }

    @Override
    public void addAttendance(long eventId, Map<Long, AttendanceStatus> statuses) {
        dsl.transaction(cfg -> {
            long now = System.currentTimeMillis();
            Batch rows = new Batch(cfg.dsl(), EventAttendanceTable.T, EventAttendanceTable.EVENT_ID, EventAttendanceTable.PERSON_ID,
                    EventAttendanceTable.STATUS, EventAttendanceTable.RECORDED_AT, EventAttendanceTable.REGISTERED_AT);
            Batch events = Outbox.batch(cfg.dsl());
            statuses.forEach((person, status) -> {
                rows.add(eventId, person, status.dbValue(), now, now);
                Outbox.add(events, now, "person", person, "person.attendance");
            });
            rows.execute();
            events.execute();
        });
    }

    @Override
    public Map<Long, AttendanceStatus> attendance(long eventId) {
        Map<Long, AttendanceStatus> out = new LinkedHashMap<>();
        dsl.select(EventAttendanceTable.PERSON_ID, EventAttendanceTable.STATUS).from(EventAttendanceTable.T)
                .where(EventAttendanceTable.EVENT_ID.eq(eventId)).orderBy(EventAttendanceTable.PERSON_ID)
                .forEach(r -> out.put(r.value1(), AttendanceStatus.fromDb(r.value2())));
        return out;
    }
}
