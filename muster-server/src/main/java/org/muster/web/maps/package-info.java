/**
 * The map page: precinct choropleths (segment density, turnout, average support, contact progress) and the
 * address points of a segment, drawn with Leaflet (shipped as a webjar, no tile server needed), fed by JSON
 * endpoints that only roles reading the whole people database may call.
 */
package org.muster.web.maps;
