package org.muster.messaging.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where bounces and replies wait to be read: a maildir (messages in {@code new/}, moved to {@code cur/} once
 * handled) or a plain folder of files (renamed to {@code *.done}), or a POP3 or IMAP mailbox ({@code pop3://},
 * {@code imap://user:pass@host:143/Folder}, {@code pop3s://} and {@code imaps://} for TLS, verified against the
 * JVM's trusted certificates and the host name) read through Angus Mail, where each handled message is flagged
 * deleted at once and expunged at the end. A message whose handling throws stays where it is and is read again
 * next time; the handlers are idempotent (a second bounce or reply of a recipient changes no count), which also
 * covers POP3 forgetting its deletions when the connection drops before QUIT.
 */
public final class Mailbox {

    private static final Set<String> STORES = Set.of("pop3", "pop3s", "imap", "imaps");

    private Mailbox() {
    }

    /** Handles every waiting message of a folder path or a POP3/IMAP URL; returns how many were read. */
    public static int poll(String where, Consumer<byte[]> processor) throws IOException {
        int colon = where.indexOf("://");
        return colon > 0 ? pollStore(where, processor) : pollFolder(Path.of(where), processor);
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

    /** Reads and deletes every message of a POP3 or IMAP mailbox; IMAP reads the URL's folder (INBOX if none). */
    public static int pollStore(String url, Consumer<byte[]> processor) throws IOException {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a mailbox URL like imap://user:pass@host:143/INBOX");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!STORES.contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("\"" + url + "\" must be pop3://, pop3s://, imap:// or imaps:// with a host");
        }
        String[] userInfo = uri.getRawUserInfo() == null ? new String[] {"", ""} : uri.getRawUserInfo().split(":", 2);
        String user = URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8);
        String password = URLDecoder.decode(userInfo.length > 1 ? userInfo[1] : "", StandardCharsets.UTF_8);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String folderName = scheme.startsWith("imap") && !path.isEmpty() ? path : "INBOX";

        Properties p = new Properties();
        p.setProperty("mail." + scheme + ".connectiontimeout", "10000");
        p.setProperty("mail." + scheme + ".timeout", "60000");
        if (scheme.endsWith("s")) p.setProperty("mail." + scheme + ".ssl.checkserveridentity", "true");
        Store store = null;
        try {
            store = Session.getInstance(p).getStore(scheme);
            store.connect(uri.getHost(), uri.getPort(), user, password);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) throw new IOException(url(uri) + ": there is no folder " + folderName);
            folder.open(Folder.READ_WRITE);
            int read = 0;
            try {
                for (Message m : folder.getMessages()) {
                    if (m.isSet(Flags.Flag.DELETED)) continue;
                    ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
                    m.writeTo(raw);
                    processor.accept(raw.toByteArray());
                    // Flagged at once (an IMAP STORE): a run cut short later does not read it again.
                    m.setFlag(Flags.Flag.DELETED, true);
                    read++;
                }
            } finally {
                folder.close(true);
            }
            return read;
        } catch (MessagingException e) {
            throw new IOException(url(uri) + ": " + e.getMessage(), e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // the messages are handled; a failed LOGOUT changes nothing
                }
            }
        }
    }

    /** The URL without its password, for messages. */
    private static String url(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
