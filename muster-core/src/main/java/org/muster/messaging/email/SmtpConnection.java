package org.muster.messaging.email;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.muster.messaging.Messenger;

/**
 * One SMTP client connection (RFC 5321): EHLO, STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, and PIPELINING
 * (RFC 2920) of MAIL, RCPT and DATA when the server offers it. A message is {@link #stage staged} — envelope and
 * body sent, all but the final dot — and then {@link #release released}: writing ".\r\n" is the only step that
 * makes the server take the message, which is what lets a send put its database commit right before it. Not
 * thread-safe: one thread uses a connection.
 */
public final class SmtpConnection implements Closeable {

    private static final byte[] DOT = ".\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMEOUT_MS = 60_000;

    /** A server reply: code and text (the lines of a multi-line reply joined). */
    public record Reply(int code, String text) {
        boolean positive() {
            return code >= 200 && code < 400;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Set<String> extensions = new HashSet<>();

    /** A connection whose TLS trusts the JVM's certificate authorities ({@code javax.net.ssl.trustStore}). */
    public SmtpConnection(SmtpServer server, String heloName) throws IOException {
        this(server, heloName, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /**
     * @param tls makes the TLS sockets (STARTTLS and SMTPS): its trust decides which certificates are accepted;
     *            the certificate must also name the host (checked as HTTPS clients do)
     */
    public SmtpConnection(SmtpServer server, String heloName, SSLSocketFactory tls) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(server.host(), server.port()), 10_000);
            plain.setSoTimeout(TIMEOUT_MS);
            plain.setTcpNoDelay(true);
            socket = server.tls() == SmtpServer.Tls.SMTPS ? tls(tls, plain, server) : plain;
            streams();
            expect(read(), 220, "greeting");
            ehlo(heloName);
            if (server.tls() == SmtpServer.Tls.STARTTLS) {
                if (!extensions.contains("STARTTLS")) throw new IOException(server.host() + " does not offer STARTTLS");
                command("STARTTLS");
                expect(read(), 220, "STARTTLS");
                socket = tls(tls, socket, server);
                streams();
                ehlo(heloName);
            }
            if (server.user() != null) authenticate(server);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    }

    private static Socket tls(SSLSocketFactory factory, Socket under, SmtpServer server) throws IOException {
        SSLSocket s = (SSLSocket) factory.createSocket(under, server.host(), server.port(), true);
        SSLParameters parameters = s.getSSLParameters();
        // Without this JSSE checks the chain but not that the certificate is the host's: anyone with any valid
        // certificate could read the mail and the password.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(parameters);
        try {
            s.startHandshake();
        } catch (SSLHandshakeException e) {
            throw new SSLHandshakeException("TLS with " + server.host() + ":" + server.port() + " failed: " + why(e)
                    + " (the JVM's trusted certificates are used: add the server's CA with -Djavax.net.ssl.trustStore=...)");
        }
        return s;
    }

    /** The innermost cause of a failed handshake, in words: untrusted certificate, wrong host, or the JSSE text. */
    private static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String text = root.getMessage() == null ? root.toString() : root.getMessage();
        if (root instanceof java.security.cert.CertPathValidatorException || root instanceof java.security.cert.CertPathBuilderException
                || text.contains("PKIX")) {
            return "its certificate is not trusted (" + text + ")";
        }
        if (root instanceof java.security.cert.CertificateException && (text.contains("name") || text.contains("match"))) {
            return "its certificate is not for this host (" + text + ")";
        }
        return text;
    }

    private void ehlo(String name) throws IOException {
        command("EHLO " + name);
        Reply r = read();
        expect(r, 250, "EHLO");
        extensions.clear();
        for (String line : r.text().split("\n")) {
            String word = line.strip().toUpperCase(Locale.ROOT);
            extensions.add(word.contains(" ") ? word.substring(0, word.indexOf(' ')) : word);
            if (word.startsWith("AUTH ")) for (String m : word.substring(5).split(" ")) extensions.add("AUTH=" + m);
        }
    }

    private void authenticate(SmtpServer server) throws IOException {
        if (extensions.contains("AUTH=PLAIN")) {
            String token = Base64.getEncoder().encodeToString(("\0" + server.user() + "\0" + server.password()).getBytes(StandardCharsets.UTF_8));
            command("AUTH PLAIN " + token);
            expect(read(), 235, "AUTH PLAIN");
        } else if (extensions.contains("AUTH=LOGIN")) {
            command("AUTH LOGIN");
            expect(read(), 334, "AUTH LOGIN");
            command(Base64.getEncoder().encodeToString(server.user().getBytes(StandardCharsets.UTF_8)));
            expect(read(), 334, "AUTH LOGIN user");
            command(Base64.getEncoder().encodeToString(server.password().getBytes(StandardCharsets.UTF_8)));
            expect(read(), 235, "AUTH LOGIN password");
        } else {
            throw new IOException(server.host() + " offers neither AUTH PLAIN nor AUTH LOGIN");
        }
    }

    public boolean pipelining() {
        return extensions.contains("PIPELINING");
    }

    /**
     * Sends the envelope and the body (complete MIME, lines ending CRLF, none starting with a dot), stopping
     * short of the final dot.
     *
     * @throws Messenger.Rejected when the server refuses sender or recipient (the connection stays usable)
     */
    public void stage(String from, String to, byte[] body) throws IOException, Messenger.Rejected {
        Reply mail;
        Reply rcpt;
        Reply data;
        if (pipelining()) {
            write("MAIL FROM:<" + from + ">\r\nRCPT TO:<" + to + ">\r\nDATA\r\n");
            out.flush();
            mail = read();
            rcpt = read();
            data = read();
        } else {
            command("MAIL FROM:<" + from + ">");
            mail = read();
            rcpt = mail.positive() ? commandReply("RCPT TO:<" + to + ">") : mail;
            data = rcpt.positive() ? commandReply("DATA") : rcpt;
        }
        Reply refusal = !mail.positive() ? mail : !rcpt.positive() ? rcpt : data.code() != 354 ? data : null;
        if (refusal != null) {
            // A pipelined DATA may still have been accepted although RCPT failed (a server bug, but cheap to
            // survive): end it empty so the connection is in a known state, then reset the transaction.
            if (data.code() == 354) {
                out.write(DOT);
                out.flush();
                read();
            }
            command("RSET");
            read();
            throw new Messenger.Rejected(refusal.toString(), refusal.code() >= 500);
        }
        out.write(body);
        out.flush();
    }

    /** The commit: one write of the final dot. */
    public void release() throws IOException {
        out.write(DOT);
        out.flush();
    }

    /** The server's reply to the final dot. */
    public Reply outcome() throws IOException {
        return read();
    }

    /** Plain sends for the benchmark's anchor and test sends: stage, release, outcome. */
    public Reply send(String from, String to, byte[] body) throws IOException, Messenger.Rejected {
        stage(from, to, body);
        release();
        return outcome();
    }

    private Reply commandReply(String line) throws IOException {
        command(line);
        return read();
    }

    private void command(String line) throws IOException {
        write(line + "\r\n");
        out.flush();
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private Reply read() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = line();
            if (line.length() < 3) throw new IOException("Malformed SMTP reply: " + line);
            int code;
            try {
                code = Integer.parseInt(line.substring(0, 3));
            } catch (NumberFormatException e) {
                throw new IOException("Malformed SMTP reply: " + line);
            }
            if (!text.isEmpty()) text.append('\n');
            text.append(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') return new Reply(code, text.toString());
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) throw new IOException("The SMTP server closed the connection");
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void expect(Reply r, int code, String step) throws IOException {
        if (r.code() != code) throw new IOException("SMTP " + step + " failed: " + r);
    }

    /** Says QUIT when it can, then closes. A staged message that was never released is discarded by the server. */
    public void quit() {
        try {
            command("QUIT");
            read();
        } catch (IOException ignored) {
            // closing anyway
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
