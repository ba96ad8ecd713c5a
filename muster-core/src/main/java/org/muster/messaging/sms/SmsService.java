package org.muster.messaging.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Metric;
import org.muster.messaging.SendRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS for one campaign in one process: creates jobs from a segment's people, and runs them through the gateway on
 * the messaging core's durable job loop ({@link SendRunner}, a runner of its own so that email sends never hold
 * texts back), each job asleep until its next recipient is due (send times, sending hours, retries) or until woken.
 * On {@link #start()} SENDING rows a previous process left behind are put back in doubt and resent (see
 * {@link SmsJobRunner} for the guarantee).
 */
public final class SmsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmsService.class);
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(30);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** The longest row id of six base-36 digits: a preview's tracked links are as long as a real job's, or longer. */
    private static final long PREVIEW_ROW = 36L * 36 * 36 * 36 * 36 * 36 - 1;

    private final SmsStore store;
    private final SmsGateway gateway;
    private final long campaignId;
    private final TimeZones zones;
    private final Clock clock;
    private final SmsLinks links;
    private final SmsJobRunner runner;
    private final SmsInbox inbox;
    private volatile SendRunner loop;

    /** A service without link tracking: jobs that ask for it are refused. */
    public SmsService(SmsStore store, SmsGateway gateway, long campaignId, TimeZones zones, String stopReply, Clock clock) {
        this(store, gateway, null, campaignId, zones, stopReply, clock);
    }

    /**
     * @param gateway null when none is configured: jobs are created and wait
     * @param links   how texts' links are shortened and tracked; null when the server has no public URL for them
     */
    public SmsService(SmsStore store, SmsGateway gateway, SmsLinks links, long campaignId, TimeZones zones, String stopReply, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.links = links;
        this.campaignId = campaignId;
        this.zones = zones;
        this.clock = clock;
        this.runner = gateway == null ? null : new SmsJobRunner(store, gateway, links, clock);
        this.inbox = new SmsInbox(store, campaignId, () -> gateway, stopReply, clock);
        if (gateway != null) gateway.listen(inbox);
    }

    /** What {@link #create} made of a segment. */
    public record Created(SmsJob job, SmsAudience.Plan plan) {
    }

    /** Recovers in-doubt rows of running jobs and starts the job loop. */
    public SmsService start() {
        for (SmsJob job : store.runningJobs(campaignId)) {
            int inDoubt = store.recoverInDoubt(job.id(), clock.millis());
            if (inDoubt > 0) LOG.warn("SMS job {}: {} messages were being sent when the last process stopped; they are sent again", job.id(), inDoubt);
        }
        if (runner != null) loop = new SendRunner(new Jobs(), "sms-runner", clock).start(TICK);
        return this;
    }

    /** The campaign's running SMS jobs as the job loop drives them. */
    private final class Jobs implements SendRunner.Jobs {

        @Override
        public List<Long> active(Instant now) {
            return store.runningJobs(campaignId).stream().map(SmsJob::id).toList();
        }

        @Override
        public Instant run(long id) {
            SmsJob job = store.job(campaignId, id).orElse(null);
            if (job == null) return null;
            SmsJobRunner.Pass pass = runner.runDue(job);
            if (pass.finished()) return null;
            Instant latest = clock.instant().plus(LONGEST_SLEEP);
            if (pass.nextDue().isEmpty()) return latest;
            Instant due = Instant.ofEpochMilli(pass.nextDue().getAsLong());
            return due.isBefore(latest) ? due : latest;
        }
    }

    /** Plans and stores a job of one text, sent at once as written, under {@link SmsJob#CONSENT_REQUIRED}. */
    public Created create(String name, String filterText, long[] personIds, String body, SendHours hours, Long createdBy) {
        return create(name, filterText, personIds, SmsJob.Text.of(body), null, hours, SmsJob.CONSENT_REQUIRED, SmsJob.Options.NONE, createdBy);
    }

    /** Plans and stores an A/B/n test job of texts as written, under {@link SmsJob#CONSENT_REQUIRED}. */
    public Created create(String name, String filterText, long[] personIds, SmsJob.Test test, SendHours hours, Long createdBy) {
        return create(name, filterText, personIds, test, hours, SmsJob.CONSENT_REQUIRED, SmsJob.Options.NONE, createdBy);
    }

    /** Plans and stores a job of one text for the given people (a resolved segment, ascending ids) and wakes the runner. */
    public Created create(String name, String filterText, long[] personIds, SmsJob.Text text, SendHours hours, AudienceRules rules,
                          SmsJob.Options options, Long createdBy) {
        return create(name, filterText, personIds, text, null, hours, rules, options, createdBy);
    }

    /** Plans and stores an A/B/n test job (its first variant is the job's text) and wakes the runner. */
    public Created create(String name, String filterText, long[] personIds, SmsJob.Test test, SendHours hours, AudienceRules rules,
                          SmsJob.Options options, Long createdBy) {
        return create(name, filterText, personIds, test.variants().getFirst(), test, hours, rules, options, createdBy);
    }

    private Created create(String name, String filterText, long[] personIds, SmsJob.Text text, SmsJob.Test test, SendHours hours,
                           AudienceRules rules, SmsJob.Options options, Long createdBy) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: a job needs a name");
        if (!rules.withoutConsent().isEmpty()) throw new IllegalArgumentException("audience rules: SMS requires consent in every contact category");
        checkLinks(test == null ? List.of(text) : test.variants(), test == null ? null : test.metric(), options);
        List<SmsStore.Contact> contacts = store.contacts(campaignId, personIds);
        Set<String> optedOut = store.optedOutNumbers(campaignId);
        SmsAudience.Plan plan = SmsAudience.plan(contacts, optedOut, text, rules, options, zones);
        if (test != null) plan = SmsAudience.split(plan, contacts, test, options);
        SmsJob job = store.createJob(campaignId, name.strip(), filterText, text, hours, rules, options, createdBy, test, plan.recipients(),
                clock.millis());
        wake(job.id());
        return new Created(job, plan);
    }

    /** Tracking needs a public URL; a test on clicks needs tracked links in every text, or its variants could not differ. */
    private void checkLinks(List<SmsJob.Text> texts, Metric metric, SmsJob.Options options) {
        if (options.trackLinks() && links == null) {
            throw new IllegalArgumentException("track links: the server has no public URL for tracked links (MUSTER_PUBLIC_URL)");
        }
        if (metric != Metric.CLICK) return;
        if (!options.trackLinks()) throw new IllegalArgumentException("metric: a test on clicks needs its links tracked");
        for (int i = 0; i < texts.size(); i++) {
            if (SmsLinks.urls(texts.get(i).body()).isEmpty()) {
                throw new IllegalArgumentException("metric: text " + SmsJob.Test.label(i) + " has no link to click (http:// or https://)");
            }
        }
    }

    /**
     * The plan a job of {@code body} would make, without storing it. With {@link SmsJob.Options#trackLinks} the
     * sample the compose page shows ({@link SmsAudience.Plan#sample}) has its links as tracked links of the longest row id
     * under 36^6, so its segment count is not understated for any job of under two billion rows; the other rows keep
     * their links as written, since tracking every row would sign every link of the segment on each keystroke.
     */
    public SmsAudience.Plan preview(long[] personIds, String body, AudienceRules rules, SmsJob.Options options) {
        SmsAudience.Plan plan = SmsAudience.plan(store.contacts(campaignId, personIds), store.optedOutNumbers(campaignId), SmsJob.Text.of(body),
                rules, options, zones);
        if (!options.trackLinks() || links == null) return plan;
        SmsStore.PlannedRecipient sample = plan.sample();
        if (sample == null) return plan;
        SmsStore.PlannedRecipient tracked = sample.withBody(links.track(PREVIEW_ROW, sample.body()));
        return new SmsAudience.Plan(plan.recipients().stream().map(r -> r == sample ? tracked : r).toList(),
                plan.withoutConsent(), plan.originExcluded(), plan.withoutMobile());
    }

    /**
     * Sends each text once to {@code phone}, rendered with {@code values} (the tester's own name): a check of how
     * the texts look on a phone, not a job — no recipient row, no timeline entry, no consent check on the tester.
     *
     * @return per text, its label and the gateway's id or refusal
     * @throws IllegalStateException when no gateway is configured
     */
    public List<String> testSend(String phone, List<SmsJob.Text> texts, Map<String, String> values) {
        if (gateway == null) throw new IllegalStateException("no SMS gateway is configured (MUSTER_SMPP or MUSTER_SMS_HTTP_URL)");
        List<String> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            SmsJob.Text text = texts.get(i);
            String label = texts.size() == 1 ? "" : SmsJob.Test.prefix(i);
            try {
                results.add(label + "sent, gateway id " + gateway.submit(text.sender(), phone, new SmsTemplate(text.body()).render(values)));
            } catch (SmsGatewayException e) {
                results.add(label + (e.inDoubt() ? "perhaps not sent: " : "refused: ") + e.getMessage());
            }
        }
        return results;
    }

    /**
     * Follows a tracked link ({@link SmsLinks}): the link the recipient's text carried in that place, with the click
     * recorded; empty for a token this server did not make or a row that was never sent.
     */
    public Optional<String> click(String token) {
        SmsLinks.Click click = links == null ? null : links.parse(token);
        if (click == null) return Optional.empty();
        return store.sentText(click.recipientId()).flatMap(text -> {
            List<String> urls = SmsLinks.urls(text);
            if (click.link() >= urls.size()) return Optional.empty();
            String url = urls.get(click.link());
            store.recordClick(click.recipientId(), url, clock.millis());
            return Optional.of(url);
        });
    }

    public SmsInbox inbox() {
        return inbox;
    }

    public SmsStore store() {
        return store;
    }

    public boolean hasGateway() {
        return gateway != null;
    }

    /** Runs a job at once (after creating it), rather than at its next due time. */
    public void wake(long jobId) {
        SendRunner l = loop;
        if (l != null) l.wake(jobId);
    }

    @Override
    public void close() {
        SendRunner l = loop;
        if (l != null) l.close();
        if (gateway != null) gateway.close();
    }
}
