/**
 * Storage: the one place with SQL. {@link org.muster.store.Database} opens a pooled connection to SQLite
 * (embedded default, WAL) or PostgreSQL, migrates it with Flyway (one migration set per dialect) and hands out
 * jOOQ implementations of the capability packages' store interfaces.
 */
package org.muster.store;
