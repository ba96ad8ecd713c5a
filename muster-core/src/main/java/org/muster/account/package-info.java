/**
 * Accounts of the people who log in (staff, volunteers, poll watchers): roles, password hashing, and the
 * append-only audit log of what they did.
 */
package org.muster.account;
