package org.muster.messaging.email;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server on the loopback that accepts every message (recipients starting with "reject" get 550):
 * for the demo, tests and the email benchmark, where it runs as a process of its own so that killing the sender
 * cannot touch it. A message counts once the final dot is read, exactly when a real server takes responsibility
 * for it; a connection that drops mid-DATA leaves nothing. Offers PIPELINING and AUTH PLAIN/LOGIN (any password
 * unless one is set). {@code XCOUNT} answers the number of messages taken. With a TLS context it speaks implicit TLS
 * (SMTPS) or offers STARTTLS, and then, like a submission server, refuses AUTH and mail until TLS is on.
 *
 * <p>As a program: {@code SmtpSink PORT [LOG-FILE] [--keep]} prints "listening PORT" and writes one line per
 * message to the log ({@code recipient message-id}), flushed before the 250 reply.
 */
public final class SmtpSink implements Closeable {

    /** A message as received: envelope and the raw data (dots unstuffed). */
    public record Received(String from, List<String> to, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong count = new AtomicLong();
    private final OutputStream log;
    private final boolean keep;
    private final String password;
    private final SmtpServer.Tls tls;
    private final SSLContext tlsContext;
    private final List<Received> kept = new ArrayList<>();

    public SmtpSink(int port, Path logFile, boolean keep, String password) throws IOException {
        this(port, logFile, keep, password, SmtpServer.Tls.NONE, null);
    }

    /** @param tlsContext the server's certificate and key, for {@code tls} STARTTLS or SMTPS */
    public SmtpSink(int port, Path logFile, boolean keep, String password, SmtpServer.Tls tls, SSLContext tlsContext) throws IOException {
        if (tls != SmtpServer.Tls.NONE && tlsContext == null) throw new IllegalArgumentException("TLS needs a certificate (an SSLContext)");
        this.tls = tls;
        this.tlsContext = tlsContext;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        this.log = logFile == null ? null : Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.keep = keep;
        this.password = password;
        threads.submit(this::acceptLoop);
    }

    /** An in-process sink keeping every message, for tests. */
    public static SmtpSink keeping() throws IOException {
        return new SmtpSink(0, null, true, null);
    }

    public static void main(String[] args) throws Exception {
        SmtpSink sink = new SmtpSink(Integer.parseInt(args[0]), args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : null,
                List.of(args).contains("--keep"), null);
        System.out.println("listening " + sink.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    public int port() {
        return server.getLocalPort();
    }

    public long count() {
        return count.get();
    }

    public synchronized List<Received> messages() {
        return List.copyOf(kept);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.submit(() -> session(s));
            } catch (IOException e) {
                if (!server.isClosed()) throw new UncheckedIOException(e);
            }
        }
    }

    private void session(Socket accepted) {
        Socket socket = accepted;
        try {
            boolean secure = tls == SmtpServer.Tls.SMTPS;
            if (secure) socket = serverTls(socket);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            reply(out, "220 muster-sink ESMTP");
            String from = null;
            List<String> to = new ArrayList<>();
            while (true) {
                String line = line(in);
                if (line == null) return;
                String upper = line.toUpperCase(Locale.ROOT);
                boolean mustStartTls = tls == SmtpServer.Tls.STARTTLS && !secure;
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250-muster-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n" + (mustStartTls ? "250 STARTTLS" : "250 AUTH PLAIN LOGIN"));
                } else if (upper.equals("STARTTLS") && mustStartTls) {
                    reply(out, "220 ready to start TLS");
                    socket = serverTls(socket);
                    in = new BufferedInputStream(socket.getInputStream(), 65536);
                    out = new BufferedOutputStream(socket.getOutputStream(), 8192);
                    secure = true;
                    from = null;
                    to = new ArrayList<>();
                } else if (mustStartTls && !upper.equals("QUIT") && !upper.equals("NOOP")) {
                    reply(out, "530 5.7.0 Must issue a STARTTLS command first");
                } else if (upper.startsWith("AUTH PLAIN ")) {
                    String[] parts = new String(Base64.getDecoder().decode(line.substring(11).strip()), StandardCharsets.UTF_8).split("\0", -1);
                    reply(out, password == null || (parts.length == 3 && parts[2].equals(password)) ? "235 ok" : "535 bad credentials");
                } else if (upper.startsWith("AUTH LOGIN")) {
                    reply(out, "334 VXNlcm5hbWU6");
                    line(in);
                    reply(out, "334 UGFzc3dvcmQ6");
                    String pass = new String(Base64.getDecoder().decode(line(in).strip()), StandardCharsets.UTF_8);
                    reply(out, password == null || pass.equals(password) ? "235 ok" : "535 bad credentials");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    to.clear();
                    queue(out, "250 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    String rcpt = address(line.substring(8));
                    if (rcpt.toLowerCase(Locale.ROOT).startsWith("reject")) {
                        queue(out, "550 no such user");
                    } else {
                        to.add(rcpt);
                        queue(out, "250 ok");
                    }
                } else if (upper.equals("DATA")) {
                    if (from == null || to.isEmpty()) {
                        queue(out, "554 no valid recipients");
                        out.flush();
                        continue;
                    }
                    reply(out, "354 go ahead");
                    byte[] data = data(in);
                    if (data == null) return;  // the client went away before the dot: nothing was taken
                    taken(from, to, data);
                    reply(out, "250 ok queued as " + count.get());
                    from = null;
                    to = new ArrayList<>();
                } else if (upper.equals("RSET")) {
                    from = null;
                    to.clear();
                    queue(out, "250 ok");
                } else if (upper.equals("XCOUNT")) {
                    reply(out, "250 " + count.get());
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else if (upper.equals("NOOP")) {
                    reply(out, "250 ok");
                } else {
                    reply(out, "502 not implemented");
                }
                // Pipelined commands are answered together when the client stops to wait for the answers.
                if (in.available() == 0) out.flush();
            }
        } catch (IOException e) {
            // the client went away (or refused our certificate)
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed anyway
            }
        }
    }

    private Socket serverTls(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) tlsContext.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        s.startHandshake();
        return s;
    }

    private synchronized void taken(String from, List<String> to, byte[] data) throws IOException {
        if (log != null) {
            StringBuilder lines = new StringBuilder();
            String id = messageId(data);
            for (String t : to) lines.append(t).append(' ').append(id).append('\n');
            log.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            log.flush();
        }
        if (keep) kept.add(new Received(from, List.copyOf(to), data));
        count.incrementAndGet();
    }

    private static String messageId(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1);
        for (String l : head.split("\r\n")) {
            if (l.isEmpty()) break;
            if (l.regionMatches(true, 0, "Message-ID:", 0, 11)) return l.substring(11).strip();
        }
        return "-";
    }

    private static String address(String s) {
        String a = s.strip();
        int lt = a.indexOf('<');
        int gt = a.indexOf('>');
        return lt >= 0 && gt > lt ? a.substring(lt + 1, gt) : a;
    }

    /** The message up to the lone dot, unstuffed; null when the stream ends first. */
    private static byte[] data(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            line.reset();
            int c;
            while ((c = in.read()) != -1) {
                line.write(c);
                if (c == '\n') break;
            }
            if (c == -1) return null;
            byte[] l = line.toByteArray();
            if (l.length == 3 && l[0] == '.' && l[1] == '\r') return body.toByteArray();
            if (l.length > 0 && l[0] == '.') body.write(l, 1, l.length - 1);
            else body.write(l);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) != -1 && c != '\n') if (c != '\r') b.write(c);
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    private static void queue(OutputStream out, String s) throws IOException {
        out.write((s + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void reply(OutputStream out, String s) throws IOException {
        queue(out, s);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        if (log != null) log.close();
    }
}
