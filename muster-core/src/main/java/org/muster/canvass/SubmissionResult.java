package org.muster.canvass;

/**
 * The answer to a submission: the stored result's id, its outcome, and whether this call was a repeat of a key
 * already received (then nothing was written and the first outcome is returned).
 */
public record SubmissionResult(long resultId, Outcome outcome, boolean repeat) {
}
