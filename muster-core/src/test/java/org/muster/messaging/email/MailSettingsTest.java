package org.muster.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void bounceMailboxesOfEveryKindAndTheReplyMailboxAreRead() {
        MailSettings s = MailSettings.fromEnvironment(Map.of("MUSTER_BOUNCE_DIR", "/var/mail/bounces", "MUSTER_BOUNCE_IMAP",
                " imaps://b:p@mail.example.org/Bounces ", "MUSTER_REPLY_MAILBOX", "imap://r:p@mail.example.org/INBOX"));
        assertThat(s.bounceMailboxes()).containsExactly("/var/mail/bounces", "imaps://b:p@mail.example.org/Bounces");
        assertThat(s.replyMailbox()).isEqualTo("imap://r:p@mail.example.org/INBOX");

        MailSettings none = MailSettings.fromEnvironment(Map.of("MUSTER_BOUNCE_POP3", " "));
        assertThat(none.bounceMailboxes()).isEmpty();
        assertThat(none.replyMailbox()).isNull();
    }
}
