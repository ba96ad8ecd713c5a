package org.muster.identity;

import java.util.ArrayList;
import java.util.List;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.NewContact;
import org.muster.canvass.PendingContact;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.voterfile.Phones;

/**
 * New people met while canvassing, through the matcher: each pending {@link NewContact} goes to
 * {@link PersonLinker#link} (source "canvass"), which finds the person they are or creates them (queuing uncertain
 * pairs for review), and the result recorded at the door is then written back to that person
 * ({@link CanvassStore#linkContact}).
 */
public final class CanvassContacts {

    /** One contact linked: the pending row and what the linker decided. */
    public record Linked(long pendingId, LinkResult result) {
    }

    private static final int BATCH = 200;

    private final PersonLinker linker;
    private final CanvassStore canvass;

    public CanvassContacts(PersonLinker linker, CanvassStore canvass) {
        this.linker = linker;
        this.canvass = canvass;
    }

    /** Links every contact of the campaign still pending, oldest first. One run at a time, so none is linked twice. */
    public synchronized List<Linked> linkPending(long campaignId) {
        List<Linked> linked = new ArrayList<>();
        List<PendingContact> batch;
        do {
            batch = canvass.pendingContacts(campaignId, BATCH);
            for (PendingContact p : batch) {
                LinkResult result = linker.link(campaignId, newPerson(p.contact()), "canvass");
                canvass.linkContact(p.id(), result.personId());
                linked.add(new Linked(p.id(), result));
            }
        } while (batch.size() == BATCH);
        return linked;
    }

    /** The contact as typed at the door; a phone that is not a number or an email that is not an address is left out. */
    static NewPerson newPerson(NewContact c) {
        String phone = c.phone() == null ? null : Phones.e164(c.phone(), "US");
        String email = c.email() != null && c.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? c.email() : null;
        List<PostalAddress> addresses = c.address() == null ? List.of()
                : List.of(new PostalAddress("home", c.address(), null, null, null, null, "US", null, null));
        return new NewPerson(c.firstName(), null, c.lastName(), null, null, null, null, null, null, ContactCategory.PROSPECT,
                "Met while canvassing", null, email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone),
                addresses, List.of(), List.of(), List.of());
    }
}
