package org.muster.web.canvass;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.muster.account.User;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;

/**
 * Who may read which list: organisers and admins every list of the campaign; everyone else only the lists assigned
 * to them, and only while assigned. Every read of a list's people goes through here.
 */
final class ListAccess {

    private final CanvassStore store;
    private final long campaignId;

    ListAccess(CanvassStore store, long campaignId) {
        this.store = store;
        this.campaignId = campaignId;
    }

    /** The list named by the {id} path parameter, if the user may read its people; 403 or 404 otherwise. */
    CanvassList readable(Context ctx) {
        User user = Authentication.user(ctx);
        long id = listId(ctx);
        if (!user.role().readsAllPeople() && !store.isAssigned(id, user.id())) {
            throw new ForbiddenResponse("This list is not assigned to you.");
        }
        return store.list(campaignId, id).orElseThrow(() -> new NotFoundResponse("There is no such list."));
    }

    /** The list, for organisers and admins only. */
    CanvassList managed(Context ctx) {
        requireOrganiser(ctx);
        return store.list(campaignId, listId(ctx)).orElseThrow(() -> new NotFoundResponse("There is no such list."));
    }

    static User requireOrganiser(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) {
            throw new ForbiddenResponse("As a " + Layout.roleName(user.role()).toLowerCase()
                    + " you can canvass the lists assigned to you, but not manage lists.");
        }
        return user;
    }

    private static long listId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("A list id is a number.");
        }
    }
}
