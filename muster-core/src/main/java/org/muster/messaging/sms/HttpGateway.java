package org.muster.messaging.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * An HTTP SMS gateway: each message is one {@code POST url} of {@code {"to": "+1...", "from": "...", "text": "..."}}
 * with {@code Authorization: Bearer token}; a 2xx answer carries {@code {"id": "..."}}. A 4xx is a refusal (429 one
 * that may pass later); a 5xx, a time-out or a broken connection leaves it in doubt. The gateway posts receipts and
 * inbound messages back to Muster's callback URLs (see {@code org.muster.web.sms}), which hand them to the same
 * {@link GatewayEvents} as SMPP.
 */
public final class HttpGateway implements SmsGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String token;
    private final String from;
    private final int window;
    private final Semaphore inFlight;
    private final HttpClient client;

    public HttpGateway(URI url, String token, String from, int window) {
        this.url = url;
        this.token = token;
        this.from = from;
        this.window = window;
        this.inFlight = new Semaphore(window);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String submit(String from, String to, String text) throws SmsGatewayException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        String sender = from == null ? this.from : from;
        if (sender != null && !sender.isBlank()) body.put("from", sender);
        body.put("text", text);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("interrupted before submitting", false, true, e);
        }
        try {
            HttpResponse<String> response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                JsonNode id = JSON.readTree(response.body()).get("id");
                if (id == null || id.asText().isBlank()) {
                    throw new SmsGatewayException("the gateway answered " + status + " without an id", true, true, null);
                }
                return id.asText();
            }
            String detail = "the gateway answered HTTP " + status + ": " + response.body().lines().findFirst().orElse("");
            if (status >= 500) throw new SmsGatewayException(detail, true, true, null);
            throw new SmsGatewayException(detail, false, status == 429, null);
        } catch (HttpTimeoutException e) {
            throw new SmsGatewayException("no answer from the gateway in time", true, true, e);
        } catch (IOException e) {
            throw new SmsGatewayException("cannot reach the gateway: " + e.getMessage(), true, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("interrupted while submitting", true, true, e);
        } finally {
            inFlight.release();
        }
    }

    @Override
    public int window() {
        return window;
    }

    /** Receipts and inbound messages arrive through the web callbacks, which call the inbox directly. */
    @Override
    public void listen(GatewayEvents events) {
    }

    @Override
    public void close() {
        client.close();
    }
}
