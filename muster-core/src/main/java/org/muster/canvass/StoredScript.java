package org.muster.canvass;

/** A saved script: its name, the text as written, and the parsed form. */
public record StoredScript(long id, String name, String body, Script script) {
}
