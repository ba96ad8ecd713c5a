/**
 * The command line (picocli): {@code serve}, {@code demo}, {@code generate}, {@code import}, {@code admin}.
 * Commands parse options, open the database and call the core; they hold no domain logic.
 */
package org.muster.cli;
