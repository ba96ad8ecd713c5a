/**
 * The demo/synthetic campaign generator: realistic North Carolina voter and vote-history files, streamed to any
 * size in constant memory and deterministic by seed, with planted ground truth (duplicates, deceased, moved out of
 * state, households, true person ids) against which matching and flagging can be measured.
 */
package org.muster.generate;
