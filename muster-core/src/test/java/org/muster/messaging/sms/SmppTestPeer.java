package org.muster.messaging.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.MessageId;

/**
 * A real SMPP peer for tests: a jsmpp SMPPServerSessionListener on 127.0.0.1 (real TCP) that accepts binds,
 * records every submit_sm (decoded) with the id it answered, and sends delivery receipts and inbound messages
 * (deliver_sm) to the bound client.
 */
public final class SmppTestPeer implements AutoCloseable {

    /** A submit_sm as the peer got it; {@code from}: its source address as sent (no plus). */
    public record Received(String messageId, String to, String text, byte registeredDelivery, String from) {
    }

    private final SMPPServerSessionListener listener;
    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Thread acceptor;
    private volatile boolean closed;
    private volatile int bound;

    public SmppTestPeer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = socket.getLocalPort();
        listener = new SMPPServerSessionListener(port, new NoDelayListen(socket));
        listener.setMessageReceiverListener(new Receiver());
        acceptor = Thread.ofPlatform().daemon().name("smpp-peer").start(this::acceptLoop);
    }

    public int port() {
        return port;
    }

    public SmppSettings settings(int window) {
        return SmppSettings.of("127.0.0.1", port, "muster", "secret", "+19195550000").withWindow(window, 0);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<String> recipients() {
        return received.stream().map(Received::to).toList();
    }

    public void deliverReceipt(String messageId, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(),
                state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
        current().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "19195550000",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "19195550000",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), receipt.toString().getBytes());
    }

    /** An inbound message from {@code from} (E.164) to the campaign's number. */
    public void deliverMessage(String from, String text) throws Exception {
        SmsText.Encoding encoding = SmsText.of(text).encoding();
        current().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from.substring(1),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "19195550000", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new GeneralDataCoding(encoding == SmsText.Encoding.GSM7 ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2),
                SmsText.encode(text, encoding));
    }

    /** Cuts every connection, as an SMSC restart would. */
    public void dropConnections() {
        for (SMPPServerSession s : sessions) s.close();
        sessions.clear();
    }

    public int bindCount() {
        return bound;
    }

    private SMPPServerSession current() {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            SMPPServerSession s = sessions.get(i);
            if (s.getSessionState().isBound()) return s;
        }
        throw new IllegalStateException("no bound client");
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                var bind = session.waitForBind(5_000);
                bind.accept("peer");
                sessions.add(session);
                bound++;
            } catch (Exception e) {
                if (closed) return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropConnections();
        listener.close();
    }

    /**
     * Listens on the already bound loopback socket, and answers with Nagle's algorithm off as SMSCs do: otherwise
     * every response after the first of a burst waits for the client's delayed ACK (about 40 ms).
     */
    private record NoDelayListen(ServerSocket socket) implements ServerConnectionFactory, ServerConnection {

        @Override
        public ServerConnection listen(int port) {
            return this;
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            socket.setSoTimeout(timeout);
            return this;
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            return listen(port, timeout);
        }

        @Override
        public Connection accept() throws IOException {
            Socket s = socket.accept();
            s.setTcpNoDelay(true);
            return new SocketConnection(s);
        }

        @Override
        public void setSoTimeout(int timeout) throws IOException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws IOException {
            return socket.getSoTimeout();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            OptionalParameter.Message_payload payload = submit.getOptionalParameter(OptionalParameter.Message_payload.class);
            byte[] bytes = payload != null ? payload.getValue() : submit.getShortMessage();
            String id = Long.toString(ids.incrementAndGet());
            received.add(new Received(id, "+" + submit.getDestAddress(), SmsText.decode(bytes, submit.getDataCoding()), submit.getRegisteredDelivery(), submit.getSourceAddr()));
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
