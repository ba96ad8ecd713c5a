package org.muster.store;

import static org.muster.store.Tables.AppUserTable;

import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.muster.MusterException;
import org.muster.account.PasswordHasher;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.account.UserStore;

/** {@link UserStore} over jOOQ. Emails are stored lower-case: one account per address whatever its case. */
final class JooqUserStore implements UserStore {

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    /** Verified against when the email is unknown, so a wrong email costs the same time as a wrong password. */
    private final String decoyHash;

    JooqUserStore(DSLContext dsl, PasswordHasher hasher) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    @Override
    public User create(long campaignId, String email, String displayName, Role role, char[] password) {
        String normalised = normalise(email);
        if (!normalised.matches("[^@\\s]+@[^@\\s]+")) {
            throw new MusterException("'" + email + "' is not an email address.");
        }
        if (password.length < PasswordHasher.MIN_LENGTH) {
            throw new MusterException("The password must have at least " + PasswordHasher.MIN_LENGTH + " characters.");
        }
        String name = displayName == null || displayName.isBlank() ? normalised : displayName.strip();
        try {
            long id = dsl.insertInto(AppUserTable.T, AppUserTable.CAMPAIGN_ID, AppUserTable.EMAIL, AppUserTable.DISPLAY_NAME, AppUserTable.ROLE,
                            AppUserTable.PASSWORD_HASH, AppUserTable.ACTIVE, AppUserTable.CREATED_AT)
                    .values(campaignId, normalised, name, role.name(), hasher.hash(password), true, System.currentTimeMillis())
                    .returningResult(AppUserTable.ID).fetchOne(AppUserTable.ID);
            return new User(id, campaignId, normalised, name, role, true);
        } catch (IntegrityConstraintViolationException e) {
            throw new MusterException("A user with the email " + normalised + " already exists.", e);
        }
    }

    @Override
    public Optional<User> authenticate(String email, char[] password) {
        Record row = dsl.select(AppUserTable.READ).from(AppUserTable.T).where(AppUserTable.EMAIL.eq(normalise(email))).fetchOne();
        if (row == null) {
            hasher.verify(password, decoyHash);
            return Optional.empty();
        }
        boolean ok = hasher.verify(password, row.get(AppUserTable.PASSWORD_HASH)) && row.get(AppUserTable.ACTIVE);
        return ok ? Optional.of(user(row)) : Optional.empty();
    }

    @Override
    public Optional<User> find(long userId) {
        return dsl.select(AppUserTable.READ).from(AppUserTable.T).where(AppUserTable.ID.eq(userId)).fetchOptional(JooqUserStore::user);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return dsl.select(AppUserTable.READ).from(AppUserTable.T).where(AppUserTable.EMAIL.eq(normalise(email)))
                .fetchOptional(JooqUserStore::user);
    }

    @Override
    public void setPassword(long userId, char[] password) {
        if (password.length < PasswordHasher.MIN_LENGTH) {
            throw new MusterException("The password must have at least " + PasswordHasher.MIN_LENGTH + " characters.");
        }
        int updated = dsl.update(AppUserTable.T).set(AppUserTable.PASSWORD_HASH, hasher.hash(password)).where(AppUserTable.ID.eq(userId)).execute();
        if (updated == 0) throw new MusterException("There is no user with id " + userId + ".");
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static User user(Record r) {
        return new User(r.get(AppUserTable.ID), r.get(AppUserTable.CAMPAIGN_ID), r.get(AppUserTable.EMAIL), r.get(AppUserTable.DISPLAY_NAME),
                Role.valueOf(r.get(AppUserTable.ROLE)), r.get(AppUserTable.ACTIVE));
    }
}
