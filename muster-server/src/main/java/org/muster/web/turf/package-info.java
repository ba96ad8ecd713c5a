/**
 * Turf pages: cut a segment into turfs of a target size (optionally within precincts), list cuts and their turfs
 * with quality (doors, route length, compactness), and show the turfs' routes on a map. Organisers and admins only.
 */
package org.muster.web.turf;
