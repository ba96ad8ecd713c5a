/**
 * Geography: precinct shapes read from GeoJSON (validated feature by feature, with errors that name the feature),
 * their storage interface, geometry as JTS, and the per-precinct measures that maps colour precincts by (segment
 * density, turnout, average support, contact progress), computed from segment counts. No HTTP, no SQL.
 */
package org.muster.geo;
