package org.muster.messaging.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 through jsmpp: one transceiver bind, submit_sm with an SMSC delivery receipt requested for success and
 * failure, at most {@link SmppSettings#window()} submits in flight and at most
 * {@link SmppSettings#messagesPerSecond()} per second. A broken connection is rebound on the next submit and by a
 * background keeper (so receipts and STOP replies keep arriving between sends), waiting 1 s, 2 s, ... up to
 * {@link SmppSettings#reconnectMax()} between attempts. Texts longer than one short_message (254 octets) travel in
 * message_payload and the SMSC splits them.
 */
public final class SmppGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SmppGateway.class);
    private static final int MAX_SHORT_MESSAGE = 254;
    private static final int ESME_RMSGQFUL = 0x14;
    private static final int ESME_RTHROTTLED = 0x58;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final SmppSettings settings;
    private final Semaphore window;
    private final Thread keeper;
    private volatile GatewayEvents events;
    private volatile SMPPSession session;
    private volatile boolean closed;
    private long nextSlotNanos;
    private long reconnectDelayMillis = 1_000;
    private long nextBindAttemptMillis;

    public SmppGateway(SmppSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.window = new Semaphore(settings.window(), true);
        this.keeper = Thread.ofVirtual().name("smpp-keeper").start(this::keepBound);
    }

    @Override
    public void listen(GatewayEvents events) {
        this.events = events;
    }

    @Override
    public int window() {
        return settings.window();
    }

    /** Whether a bind is up right now (for the status line of the SMS page). */
    public boolean isBound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    @Override
    public String submit(String from, String to, String text) throws SmsGatewayException {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("interrupted before submitting", false, true, e);
        }
        try {
            SMPPSession s = bound(true);
            pace();
            SmsText.Encoding encoding = SmsText.of(text).encoding();
            byte[] bytes = SmsText.encode(text, encoding);
            DataCoding coding = new GeneralDataCoding(encoding == SmsText.Encoding.GSM7 ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2);
            boolean payload = bytes.length > MAX_SHORT_MESSAGE;
            OptionalParameter[] tlvs = payload ? new OptionalParameter[] {new OptionalParameter.Message_payload(bytes)}
                    : OptionalParameters.EMPTY_OPTIONAL_PARAMETERS;
            Address source = Address.of(from == null ? settings.sourceAddress() : from);
            return s.submitShortMessage("", source.ton, source.npi, source.digits,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.startsWith("+") ? to.substring(1) : to,
                    new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0,
                    payload ? new byte[0] : bytes, tlvs).getMessageId();
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            boolean retry = status == ESME_RTHROTTLED || status == ESME_RMSGQFUL;
            throw new SmsGatewayException("SMSC refused the message (command status 0x" + Integer.toHexString(status) + ")", false, retry, e);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            throw new SmsGatewayException("no valid submit_sm_resp: " + e.getMessage(), true, true, e);
        } catch (IOException e) {
            drop();
            throw new SmsGatewayException("SMPP connection lost during submit: " + e.getMessage(), true, true, e);
        } catch (PDUException e) {
            throw new SmsGatewayException("the message cannot be put in an SMPP PDU: " + e.getMessage(), false, false, e);
        } finally {
            window.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        keeper.interrupt();
        SMPPSession s = session;
        session = null;
        if (s != null) s.unbindAndClose();
    }

    private synchronized SMPPSession bound(boolean failFast) throws SmsGatewayException {
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) return s;
        if (closed) throw new SmsGatewayException("the SMPP gateway is closed", false, false, null);
        long now = System.currentTimeMillis();
        if (failFast && now < nextBindAttemptMillis) {
            throw new SmsGatewayException("SMPP not bound to " + settings.host() + ":" + settings.port() + "; next attempt in "
                    + (nextBindAttemptMillis - now) + " ms", false, true, null);
        }
        if (s != null) s.close();
        SMPPSession fresh = new SMPPSession(SmppGateway::connect);
        fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(new Receiver());
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                    settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        } catch (IOException e) {
            fresh.close();
            nextBindAttemptMillis = now + reconnectDelayMillis;
            reconnectDelayMillis = Math.min(reconnectDelayMillis * 2, settings.reconnectMax().toMillis());
            throw new SmsGatewayException("cannot bind to SMPP " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), false, true, e);
        }
        reconnectDelayMillis = 1_000;
        session = fresh;
        LOG.info("SMPP bound as transceiver to {}:{}", settings.host(), settings.port());
        return fresh;
    }

    /**
     * A socket with Nagle's algorithm off: a batch of submits followed by a wait for their responses otherwise
     * stalls on delayed ACKs (measured: 20x slower than a steady submit loop). Connecting times out too.
     */
    private static Connection connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private synchronized void drop() {
        SMPPSession s = session;
        session = null;
        if (s != null) s.close();
    }

    private void keepBound() {
        while (!closed) {
            try {
                bound(true);
            } catch (SmsGatewayException e) {
                LOG.debug("SMPP keeper: {}", e.getMessage());
            }
            try {
                Thread.sleep(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Spaces submits 1/rate apart; a simple pacer rather than a bucket, so bursts never exceed the agreed rate. */
    private void pace() throws SmsGatewayException {
        if (settings.messagesPerSecond() == 0) return;
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + TimeUnit.SECONDS.toNanos(1) / settings.messagesPerSecond();
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsGatewayException("interrupted while pacing", false, true, e);
            }
        }
    }

    /** A sender address: alphanumeric sender ids, international numbers (+...) and short codes. */
    record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String digits) {
        static Address of(String address) {
            if (address == null || address.isBlank()) return new Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "");
            if (address.startsWith("+")) return new Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, address.substring(1));
            if (address.chars().allMatch(Character::isDigit)) return new Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, address);
            return new Address(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, address);
        }
    }

    /** E.164 of a received source address: international or long digit strings get their plus. */
    static String e164(String address, byte ton) {
        if (address == null) return "";
        String a = address.strip();
        if (a.startsWith("+")) return a;
        boolean digits = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        return digits && (ton == TypeOfNumber.INTERNATIONAL.value() || a.length() >= 11) ? "+" + a : a;
    }

    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliver) throws ProcessRequestException {
            GatewayEvents listener = events;
            if (listener == null) return;
            try {
                if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliver.getEsmClass())) {
                    DeliveryReceipt receipt = deliver.getShortMessageAsDeliveryReceipt();
                    OptionalParameter.Receipted_message_id tlv = deliver.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
                    String id = tlv != null ? tlv.getValueAsString() : receipt.getId();
                    listener.receipt(id, receipt.getFinalStatus().name(), receipt.getError());
                } else {
                    OptionalParameter.Message_payload payload = deliver.getOptionalParameter(OptionalParameter.Message_payload.class);
                    byte[] bytes = payload != null ? payload.getValue() : deliver.getShortMessage();
                    listener.inbound(e164(deliver.getSourceAddr(), deliver.getSourceAddrTon()),
                            SmsText.decode(bytes == null ? new byte[0] : bytes, deliver.getDataCoding()));
                }
            } catch (InvalidDeliveryReceiptException e) {
                LOG.warn("Unreadable SMPP delivery receipt: {}", e.getMessage());
            } catch (RuntimeException e) {
                // a failure to record is answered with an error so the SMSC delivers the PDU again later
                LOG.error("Cannot handle an SMPP deliver_sm", e);
                throw new ProcessRequestException("cannot record the message", 0x08);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03);
        }
    }
}
