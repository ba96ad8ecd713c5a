package org.muster.messaging;

import java.util.concurrent.locks.LockSupport;

/** A token bucket shared by the threads of a send: at most {@code perSecond} messages a second, bursts of one second. */
final class RateLimiter {

    private final double perSecond;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.tokens = Math.min(1, perSecond);
    }

    /** Waits until {@code n} messages may go; returns at once when unlimited. */
    void acquire(int n) {
        if (perSecond <= 0) return;
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            tokens -= n;
            wait = tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
        }
        if (wait > 0) LockSupport.parkNanos(wait);
    }
}
