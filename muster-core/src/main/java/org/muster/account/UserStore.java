package org.muster.account;

import java.util.Optional;

/** Accounts: users, their roles and password hashes. */
public interface UserStore {

    /** Creates a user; the password is hashed with {@link PasswordHasher} before it is stored. */
    User create(long campaignId, String email, String displayName, Role role, char[] password);

    /** Returns the user when the email exists, is active and the password matches; empty otherwise. */
    Optional<User> authenticate(String email, char[] password);

    Optional<User> find(long userId);

    Optional<User> findByEmail(String email);

    void setPassword(long userId, char[] password);
}
