package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.MusterException;
import org.muster.account.AuditLog;
import org.muster.account.Role;
import org.muster.account.User;

class AccountStoreTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void usersAuthenticateWithTheirPasswordOnly(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            User created = db.users().create(campaign, " Org@Example.org", "Olga Organiser", Role.ORGANISER, "correct horse".toCharArray());
            assertThat(created.email()).isEqualTo("org@example.org");

            assertThat(db.users().authenticate("ORG@example.org", "correct horse".toCharArray()))
                    .get().extracting(User::id, User::role).containsExactly(created.id(), Role.ORGANISER);
            assertThat(db.users().authenticate("org@example.org", "wrong horse".toCharArray())).isEmpty();
            assertThat(db.users().authenticate("nobody@example.org", "correct horse".toCharArray())).isEmpty();

            db.users().setPassword(created.id(), "battery staple".toCharArray());
            assertThat(db.users().authenticate("org@example.org", "correct horse".toCharArray())).isEmpty();
            assertThat(db.users().authenticate("org@example.org", "battery staple".toCharArray())).isPresent();
            assertThat(db.users().find(created.id())).contains(new User(created.id(), campaign, "org@example.org",
                    "Olga Organiser", Role.ORGANISER, true));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badAccountsAreRefusedWithAClearMessage(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            db.users().create(campaign, "a@example.org", "A", Role.ADMIN, "long enough".toCharArray());
            assertThatThrownBy(() -> db.users().create(campaign, "A@EXAMPLE.ORG", "A2", Role.ADMIN, "long enough".toCharArray()))
                    .isInstanceOf(MusterException.class).hasMessage("A user with the email a@example.org already exists.");
            assertThatThrownBy(() -> db.users().create(campaign, "b@example.org", "B", Role.ADMIN, "short".toCharArray()))
                    .isInstanceOf(MusterException.class).hasMessageContaining("at least 8 characters");
            assertThatThrownBy(() -> db.users().create(campaign, "not an email", "C", Role.ADMIN, "long enough".toCharArray()))
                    .isInstanceOf(MusterException.class).hasMessageContaining("is not an email address");
            assertThat(db.users().findByEmail("b@example.org")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void auditLogKeepsEntriesNewestFirst(Supplier<Database> open) {
        try (Database db = open.get()) {
            db.audit().record(null, "login.failed", "user:x@example.org", "wrong password");
            db.audit().record(7L, "person.read", "person:42", null);
            assertThat(db.audit().recent(10)).extracting(AuditLog.Entry::action, AuditLog.Entry::userId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("person.read", 7L),
                            org.assertj.core.groups.Tuple.tuple("login.failed", null));
        }
    }
}
