package org.muster;

/**
 * A failure the user can act on (bad configuration, unreachable database, invalid input). Its message is one
 * complete sentence meant to be shown as is: the CLI prints it on one line instead of a stack trace.
 */
public class MusterException extends RuntimeException {

    public MusterException(String message) {
        super(message);
    }

    public MusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
