package org.muster.web.maps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.geo.GeoJsonShapes;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.store.JooqPrecinctShapeStore;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;

class MapPagesTest extends BothServersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two square precincts side by side, codes {@code prefix-A} and {@code prefix-B}. */
    public static void importSquares(ServerFixture f, String prefix) {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[" + square(prefix + "-A", -78.70) + ","
                + square(prefix + "-B", -78.60) + "]}";
        new JooqPrecinctShapeStore(f.db).upsert(f.campaign.id(),
                GeoJsonShapes.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null), "test");
    }

    private static String square(String code, double west) {
        double east = west + 0.1;
        return "{\"type\":\"Feature\",\"properties\":{\"precinct\":\"" + code + "\",\"name\":\"Square " + code
                + "\",\"county\":\"WAKE\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",35.7],["
                + east + ",35.7],[" + east + ",35.8],[" + west + ",35.8],[" + west + ",35.7]]]}}";
    }

    /** A voter at a point of the precinct, with a support level and (or not) a vote in the 2024 general. */
    public static NewPerson voter(String tag, String precinct, int n, Integer support, boolean voted, double lon) {
        return new NewPerson("Voter" + n, null, "Mapson", null, null, 1970, null, "DEM", support, ContactCategory.PROSPECT,
                "test", tag + "-" + n + "|27601", List.of(), List.of(),
                List.of(new PostalAddress("home", n + " MAP ST", null, "RALEIGH", "NC", "27601", "US", 35.75, lon)),
                List.of(new Registration("NC", tag + "-" + n, null, "WAKE", "A", null, null, "DEM", precinct, null, null,
                        null, null, null)),
                voted ? List.of(new VoteRecord(LocalDate.of(2024, 11, 5), "11/05/2024 GENERAL", "IN-PERSON", null, "WAKE"))
                        : List.of(),
                List.of(tag));
    }

    private static JsonNode json(WebClient client, String path) throws IOException {
        WebClient.Response r = client.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static Map<String, JsonNode> byPrecinct(JsonNode collection) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode f : collection.get("features")) out.put(f.get("properties").get("precinct").asText(), f);
        return out;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void precinctsCarryTheChosenMeasureOfTheSegment(ServerFixture f) throws IOException {
        String p = "map" + NEXT.incrementAndGet();
        importSquares(f, p);
        long first = f.insert(f.campaign.id(), voter(p, p + "-A", 1, 1, true, -78.65));
        long second = f.insert(f.campaign.id(), voter(p, p + "-A", 2, 3, true, -78.66));
        long third = f.insert(f.campaign.id(), voter(p, p + "-A", 3, null, false, -78.67));
        f.insert(f.campaign.id(), voter(p, p + "-B", 4, 5, false, -78.55));
        f.insert(f.campaign.id(), voter(p + "-other", p + "-B", 5, 5, false, -78.56));
        WebClient client = f.loggedIn(Role.ORGANISER);
        String segment = "?filter=" + q("tag(" + p + ")");

        Map<String, JsonNode> turnout = byPrecinct(json(client, "/maps/precincts.json" + segment
                + "&measure=turnout&election=2024-general"));
        assertThat(turnout.get(p + "-A").get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(turnout.get(p + "-A").get("properties").get("name").asText()).isEqualTo("Square " + p + "-A");
        assertThat(turnout.get(p + "-A").get("properties").get("numerator").asLong()).isEqualTo(2);
        assertThat(turnout.get(p + "-A").get("properties").get("denominator").asLong()).isEqualTo(3);
        assertThat(turnout.get(p + "-B").get("properties").get("value").asDouble()).isZero();

        Map<String, JsonNode> density = byPrecinct(json(client, "/maps/precincts.json" + segment + "&measure=density"));
        assertThat(density.get(p + "-B").get("properties").get("value").asDouble()).isEqualTo(0.5);
        assertThat(density.get(p + "-A").get("properties").get("value").asDouble()).isEqualTo(1.0);

        Map<String, JsonNode> support = byPrecinct(json(client, "/maps/precincts.json" + segment + "&measure=support"));
        assertThat(support.get(p + "-A").get("properties").get("value").asDouble()).isEqualTo(2.0);
        assertThat(support.get(p + "-A").get("properties").get("denominator").asLong()).isEqualTo(2);

        f.db.people().addActivity(first, "canvass", "knocked", "test");
        f.db.people().addActivity(second, "call_attempt", "no answer", "test");
        f.db.people().addActivity(third, "email", "newsletter", "test");
        Map<String, JsonNode> contact = byPrecinct(json(client, "/maps/precincts.json" + segment + "&measure=contact&days=7"));
        assertThat(contact.get(p + "-A").get("properties").get("numerator").asLong())
                .as("every canvassing result counts, attempts and calls too; other activities do not").isEqualTo(2);
        Map<String, JsonNode> canvassOnly = byPrecinct(json(client, "/maps/precincts.json" + segment
                + "&measure=contact&days=7&type=canvass"));
        assertThat(canvassOnly.get(p + "-A").get("properties").get("numerator").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void addressPointsOfASegment(ServerFixture f) throws IOException {
        String p = "pts" + NEXT.incrementAndGet();
        f.insert(f.campaign.id(), voter(p, p + "-A", 1, 1, true, -78.65));
        f.insert(f.campaign.id(), voter(p, p + "-A", 2, 1, true, -78.61));
        JsonNode points = json(f.loggedIn(Role.ADMIN), "/maps/points.json?filter=" + q("tag(" + p + ")"));
        assertThat(points.get("people").asLong()).isEqualTo(2);
        assertThat(points.get("sample").asBoolean()).isFalse();
        assertThat(points.get("points")).extracting(n -> n.get(1).asDouble()).containsExactlyInAnyOrder(-78.65, -78.61);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void volunteersGetNoMapsAndBadRequestsSayWhy(ServerFixture f) {
        WebClient volunteer = f.loggedIn(Role.VOLUNTEER);
        for (String path : List.of("/maps", "/maps/precincts.json", "/maps/points.json?filter=tag(x)")) {
            assertThat(volunteer.get(path).status()).as(path).isEqualTo(403);
        }
        WebClient organiser = f.loggedIn(Role.ORGANISER);
        assertThat(organiser.get("/maps").body()).contains("id=\"map\"").contains("/dist/leaflet.js");
        WebClient.Response badMeasure = organiser.get("/maps/precincts.json?measure=colour");
        assertThat(badMeasure.status()).isEqualTo(400);
        assertThat(badMeasure.body()).contains("Unknown measure");
        assertThat(organiser.get("/maps/precincts.json?filter=" + q("tag(")).status()).isEqualTo(400);
        assertThat(organiser.get("/maps/precincts.json?measure=contact&days=soon").body()).contains("number of days");
        assertThat(organiser.get("/maps/points.json").status()).isEqualTo(400);
    }

    @Test
    void aTileServerIsAdmittedForImagesOnly() {
        assertThat(MapRoutes.tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(MapRoutes.tileSource("http://10.0.0.5:8081/tiles/{z}/{x}/{y}.png")).isEqualTo("http://10.0.0.5:8081");
    }

    @Test
    void largeSegmentsAreSampledEvenly() {
        long[] ids = new long[100_000];
        for (int i = 0; i < ids.length; i++) ids[i] = 10L * i;
        long[] sample = MapRoutes.evenSample(ids, 5_000);
        assertThat(sample).hasSize(5_000).startsWith(0L).doesNotHaveDuplicates();
        assertThat(sample[2_500]).isEqualTo(ids[50_000]);
        assertThat(MapRoutes.evenSample(new long[] {1, 2}, 5_000)).containsExactly(1, 2);
    }
}
