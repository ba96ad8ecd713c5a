/**
 * Muster core: the domain model and engines, in plain Java with no web types. Capability packages
 * ({@code people}, {@code account}, {@code campaign}, {@code voterfile}, {@code generate}, ...) own their model
 * and interfaces; {@code store} implements the interfaces for SQLite and PostgreSQL.
 */
package org.muster;
