/**
 * Events (town halls, phone banks, rallies) and who registered for, attended or missed each, one attendance row per
 * person and event. Attendance changes write an outbox event so segments ({@code attended(any, since 90d)}) follow.
 * Public sign-up pages, reminders and check-in will build on this.
 */
package org.muster.event;
