package org.muster.voterfile;

/** The file is not of the expected kind (wrong header): nothing in it can be trusted, so the whole read stops. */
public class VoterFileFormatException extends RuntimeException {

    public VoterFileFormatException(String message) {
        super(message);
    }
}
