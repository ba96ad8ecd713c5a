package org.muster.messaging;

import java.util.function.Function;

/** What a channel brings to a send: its {@link Messenger} and how it composes a send's messages. */
public record Outlet(Messenger messenger, Function<MessagingStore.Send, Composer> composers) {
}
