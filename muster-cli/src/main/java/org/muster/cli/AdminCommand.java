package org.muster.cli;

import java.util.concurrent.Callable;
import org.muster.MusterException;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.campaign.Campaign;
import org.muster.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Account administration from the shell: the way in before anyone can log in. */
@Command(name = "admin", description = "Administer accounts and campaigns.",
        subcommands = {AdminCommand.CreateUser.class, AdminCommand.SetPassword.class})
final class AdminCommand {

    @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Create a user who can log in.")
    static final class CreateUser implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Option(names = "--email", required = true) String email;
        @Option(names = "--name", description = "Display name (default: the email).") String name;
        @Option(names = "--role", defaultValue = "ORGANISER",
                description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).") Role role;
        @Option(names = "--campaign", description = "Campaign id (default: the first campaign; one is created if none).")
        Long campaignId;
        @Option(names = "--password", interactive = true, arity = "0..1",
                description = "Password (asked for when the value is left out).") char[] password;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                long campaign = campaignId != null ? campaignId : firstCampaign(database).id();
                if (password == null) throw new MusterException("A password is needed: --password (asks when left empty).");
                User user = database.users().create(campaign, email, name, role, password);
                database.audit().record(null, "user.created", "user:" + user.id(), "by the command line, role " + role);
                System.out.println("Created " + user.role() + " " + user.email() + " (user " + user.id() + ").");
                return 0;
            }
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true, description = "Set a user's password.")
    static final class SetPassword implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Option(names = "--email", required = true) String email;
        @Option(names = "--password", interactive = true, arity = "0..1", required = true) char[] password;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                User user = database.users().findByEmail(email)
                        .orElseThrow(() -> new MusterException("There is no user with the email " + email + "."));
                database.users().setPassword(user.id(), password);
                database.audit().record(null, "user.password_set", "user:" + user.id(), "by the command line");
                System.out.println("Password set for " + user.email() + ".");
                return 0;
            }
        }
    }

    /** The campaign a single-campaign installation works in, created on first use. */
    static Campaign firstCampaign(Database database) {
        return database.campaigns().all().stream().findFirst()
                .orElseGet(() -> database.campaigns().create("My campaign", null));
    }
}
