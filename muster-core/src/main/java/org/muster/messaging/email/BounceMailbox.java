package org.muster.messaging.email;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where bounces wait to be read: a maildir (messages in {@code new/}, moved to {@code cur/} once handled) or a
 * plain folder of files (renamed to {@code *.done}), or a POP3 mailbox (each message deleted once handled;
 * {@code pop3s://} for TLS). A message that cannot be handled stays where it is and is tried again next time.
 */
public final class BounceMailbox {

    private BounceMailbox() {
    }

    /** Handles every waiting message in the folder; returns how many messages were read. */
    public static int pollFolder(Path dir, Consumer<byte[]> processor) throws IOException {
        boolean maildir = Files.isDirectory(dir.resolve("new"));
        Path from = maildir ? dir.resolve("new") : dir;
        if (maildir) Files.createDirectories(dir.resolve("cur"));
        int read = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".done"))) {
            for (Path file : files) {
                processor.accept(Files.readAllBytes(file));
                Path done = maildir ? dir.resolve("cur").resolve(file.getFileName() + ":2,S") : file.resolveSibling(file.getFileName() + ".done");
                Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
                read++;
            }
        }
        return read;
    }

    /** Reads and deletes every message of a POP3 mailbox ({@code pop3://user:pass@host:110}). */
    public static int pollPop3(String url, Consumer<byte[]> processor) throws IOException {
        URI uri = URI.create(url);
        boolean tls = "pop3s".equalsIgnoreCase(uri.getScheme());
        String[] userInfo = uri.getRawUserInfo() == null ? new String[] {"", ""} : uri.getRawUserInfo().split(":", 2);
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 995 : 110;
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket(uri.getHost(), port) : new Socket()) {
            if (!tls) socket.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
            socket.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ok(line(in));
            ok(command(in, out, "USER " + URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8)));
            ok(command(in, out, "PASS " + URLDecoder.decode(userInfo.length > 1 ? userInfo[1] : "", StandardCharsets.UTF_8)));
            String stat = ok(command(in, out, "STAT"));
            int count = Integer.parseInt(stat.split(" ")[1]);
            for (int i = 1; i <= count; i++) {
                ok(command(in, out, "RETR " + i));
                processor.accept(multiline(in));
                ok(command(in, out, "DELE " + i));
            }
            command(in, out, "QUIT");
            return count;
        }
    }

    private static String command(InputStream in, OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return line(in);
    }

    private static String ok(String reply) throws IOException {
        if (!reply.startsWith("+OK")) throw new IOException("POP3 server said: " + reply);
        return reply;
    }

    private static byte[] multiline(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String l = line(in);
            if (l.equals(".")) return body.toByteArray();
            body.writeBytes((l.startsWith("..") ? l.substring(1) : l).getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(new byte[] {'\r', '\n'});
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) != -1 && c != '\n') if (c != '\r') b.write(c);
        if (c == -1) throw new IOException("The POP3 server closed the connection");
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
