/**
 * The segment builder: type a filter, see the count, the breakdown by precinct and a sample of the people update
 * as you type (htmx, counted by the bitmap index); save it by name and export it as CSV (audited).
 */
package org.muster.web.segments;
