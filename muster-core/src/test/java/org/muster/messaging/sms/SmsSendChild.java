package org.muster.messaging.sms;

import java.time.Clock;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqSmsStore;

/**
 * A separate process that sends a campaign's running SMS jobs through SMPP until they are done: killed with -9 by
 * {@link SmsKillResumeTest}. Arguments: db url, user, password, campaign id, SMPP port, window, messages per second.
 */
public final class SmsSendChild {

    private SmsSendChild() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseConfig config = new DatabaseConfig(args[0], args[1].isEmpty() ? null : args[1], args[2].isEmpty() ? null : args[2]);
        long campaign = Long.parseLong(args[3]);
        SmppSettings smpp = SmppSettings.of("127.0.0.1", Integer.parseInt(args[4]), "muster", "secret", "+19195550000")
                .withWindow(Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        try (Database db = Database.open(config)) {
            JooqSmsStore store = new JooqSmsStore(db);
            try (SmsService sms = new SmsService(store, new SmppGateway(smpp), campaign, TimeZones.forCampaignState("NC"), "", Clock.systemUTC()).start()) {
                while (!store.runningJobs(campaign).isEmpty()) Thread.sleep(20);
            }
        }
        System.exit(0);
    }
}
