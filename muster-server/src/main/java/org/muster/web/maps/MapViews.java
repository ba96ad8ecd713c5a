package org.muster.web.maps;

import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The map page: controls, the map, its legend; maps.js fetches the data and draws. */
final class MapViews {

    private MapViews() {
    }

    static Html page(PageContext page, long shapeCount, String tileUrl) {
        String leaflet = "/webjars/leaflet/" + Layout.webjarVersion("leaflet") + "/dist/";
        Html noShapes = shapeCount > 0 ? Html.EMPTY : Html.raw("<p class=\"hint\" id=\"no-shapes\">No precinct shapes yet: "
                + "import a GeoJSON file with <code>muster import-shapes FILE</code>.</p>");
        return Layout.page(page, "Map", Html.of("""
                <link rel="stylesheet" href="%sleaflet.css">
                <h1>Map</h1>
                %s
                <form id="map-controls" class="map-controls">
                <label for="map-filter">Segment</label>
                <input id="map-filter" name="filter" size="50" autocomplete="off" spellcheck="false"
                       placeholder="everyone; or e.g. party = DEM and not voted(2022-general)">
                <label for="map-measure">Colour by</label>
                <select id="map-measure" name="measure">
                <option value="density">Share of people in the segment</option>
                <option value="turnout">Turnout in an election</option>
                <option value="support">Average support</option>
                <option value="contact">Contact progress</option>
                </select>
                <label for="map-election">Election</label>
                <input id="map-election" name="election" value="2024-general" size="14">
                <label for="map-days">Days</label>
                <input id="map-days" name="days" value="90" size="4" inputmode="numeric">
                <label for="map-type">Activity</label>
                <input id="map-type" name="type" size="14" placeholder="any field result"
                       title="Empty: every door knock and call, answered or not. Or one activity type, e.g. canvass">
                <label><input type="checkbox" id="map-points" name="points"> Addresses</label>
                <button type="submit">Draw</button>
                </form>
                <p id="map-status" class="hint" aria-live="polite"></p>
                <div class="map-frame">
                <div id="map" data-tiles="%s"></div>
                <div id="map-legend" class="map-legend"></div>
                </div>
                <script src="%sleaflet.js"></script>
                <script src="/static/maps.js"></script>""", leaflet, noShapes, tileUrl, leaflet));
    }
}
