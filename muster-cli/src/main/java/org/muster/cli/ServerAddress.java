package org.muster.cli;

import org.muster.web.ServerOptions;
import picocli.CommandLine.Option;

/** Where the server listens: shared by {@code serve} and {@code demo}. */
final class ServerAddress {

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
}
