package org.muster.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failures within the window for one account, or for one client address,
 * further attempts are refused until the oldest failure leaves the window. In memory: a restart forgets, which is
 * acceptable for a single-node server.
 */
public final class LoginThrottle {

    /** Failures allowed per account within the window. */
    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    /** Higher per address because a campaign office shares one public address between many staff. */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int PRUNE_ABOVE_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when an attempt is allowed now. */
    public Duration retryAfter(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = wait(accountKey(account), MAX_FAILURES_PER_ACCOUNT, now);
        Duration byAddress = wait(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {accountKey(account), addressKey(address)}) {
            failures.compute(key, (k, times) -> {
                Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
                expire(list, now);
                list.addLast(now);
                return list;
            });
        }
        if (failures.size() > PRUNE_ABOVE_KEYS) {
            failures.replaceAll((k, times) -> expire(times, now));
            failures.values().removeIf(Deque::isEmpty);
        }
    }

    /** A successful login clears the account's failures, not the address's: one good password unlocks nothing else. */
    public void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private Duration wait(String key, int max, Instant now) {
        Duration[] result = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            expire(times, now);
            if (times.size() >= max) {
                // Allowed again once enough old failures have left the window to get below the limit.
                Instant freeAt = times.stream().skip(times.size() - max).findFirst().orElseThrow().plus(WINDOW);
                result[0] = Duration.between(now, freeAt);
            }
            return times.isEmpty() ? null : times;
        });
        return result[0];
    }

    private static Deque<Instant> expire(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) times.removeFirst();
        return times;
    }

    private static String accountKey(String account) {
        return "account:" + account.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
