package org.muster.messaging.email;

import org.muster.messaging.MessagingStore;
import org.muster.messaging.Outlet;

/** The email channel for {@link org.muster.messaging.SendJob}: SMTP out, links signed with the database's key. */
public final class EmailOutlet {

    private EmailOutlet() {
    }

    public static Outlet create(MailSettings settings, MessagingStore store) {
        LinkSigner signer = new LinkSigner(store.signingKey(), settings.publicUrl());
        return new Outlet(new SmtpMessenger(settings),
                send -> new EmailComposer(signer, settings.mailDomain(), send.definition().stateOrigin()));
    }
}
