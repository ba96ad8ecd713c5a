package org.muster.canvass;

import java.time.Instant;
import java.util.Map;

/**
 * One result as a canvasser's device sends it. {@code idempotencyKey} is generated on the device when the result
 * is recorded, so a submission retried after a lost response is recognised and stored once. {@code personId} is
 * null when the result is only a {@link NewContact}. Answers map question numbers to answer numbers (1-based).
 */
public record Submission(String idempotencyKey, long listId, Long personId, ResultCode code, Map<Integer, Integer> answers,
        String note, Instant recordedAt, NewContact newContact) {

    static final int MAX_KEY = 100;
    static final int MAX_NOTE = 2_000;

    public Submission {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("a submission needs an id of 1 to " + MAX_KEY + " characters");
        }
        if (code == null) throw new IllegalArgumentException("a submission needs a result code");
        if (personId == null && newContact == null) throw new IllegalArgumentException("a submission names a person on the list or a new person");
        if (note != null && note.length() > MAX_NOTE) throw new IllegalArgumentException("the note is longer than " + MAX_NOTE + " characters");
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        if (!answers.isEmpty() && !code.contact()) throw new IllegalArgumentException("answers need a result code of a conversation, not " + code);
        if (recordedAt == null) recordedAt = Instant.now();
    }
}
