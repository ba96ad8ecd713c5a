package org.muster.messaging.sms;

import java.util.function.BooleanSupplier;

/** Waits for something another thread (a socket, a gateway) makes true; fails after a generous bound, never asserts on time. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, 20, condition);
    }

    /** For work in another process: a JVM start on a loaded machine takes many seconds. */
    public static void until(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
