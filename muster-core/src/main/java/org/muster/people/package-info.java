/**
 * People: the system of record for persons and what hangs from them (emails, phones, addresses, household,
 * voter registrations with districts, vote history, tags, consent, timeline) and the store interface over it.
 */
package org.muster.people;
