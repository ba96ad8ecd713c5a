/**
 * Turf cutting: a segment's households grouped into compact, walkable turfs of a target number of doors (within
 * precincts when asked), each ordered along a short walking route, with quality per turf (doors, route length,
 * compactness). {@link org.muster.turf.TurfCutter} is the engine (plain Java, no I/O); {@link org.muster.turf.TurfStore}
 * keeps cuts and turfs, and is what walk lists read: a turf's id, and its doors in route order with the household
 * id and the people of the segment behind each door.
 */
package org.muster.turf;
