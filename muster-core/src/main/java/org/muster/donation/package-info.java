/**
 * Donations: one row per gift a person made (integer cents, currency, time, where it came from), recorded with an
 * outbox event so segments ({@code donated(amount >= 50, since 2025-01-01)}) count it at once. Payment processing,
 * receipts and compliance reports are not here yet; this is the ledger they will write to.
 */
package org.muster.donation;
