/**
 * The demo/synthetic campaign generator: realistic North Carolina voter and vote-history files, streamed to any
 * size in constant memory and deterministic by seed, with planted ground truth (duplicates, deceased, moved out of
 * state, households, true person ids) against which matching and flagging can be measured.
 * {@link org.muster.generate.OtherStateLayouts} rewrites the same people in the Ohio SWVF and Florida extract layouts.
 */
package org.muster.generate;
