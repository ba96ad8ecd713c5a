package org.muster.web;

import java.nio.file.Path;

/**
 * How to run the server.
 *
 * @param host       the address to bind; 127.0.0.1 by default so that nothing is exposed until asked for
 * @param port       the TCP port; 0 picks a free one (read it back with {@link MusterServer#port()})
 * @param campaignId the campaign this server serves: users of other campaigns cannot log in, their people are 404
 * @param importDir  the only folder whose files the import page may read: a web form must not be a way to read
 *                   any file the server process can
 */
public record ServerOptions(String host, int port, long campaignId, Path importDir) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerOptions {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be blank");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        importDir = importDir.toAbsolutePath().normalize();
    }

    /** Loopback on the default port. */
    public static ServerOptions defaults(long campaignId, Path importDir) {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, campaignId, importDir);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, campaignId, importDir);
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, campaignId, importDir);
    }
}
