/**
 * Reference data the product ships (names, NC geography, USPS suffixes, voter file layouts) and the one loader
 * that reads it from the classpath. Each resource folder documents its source and subsetting in PROVENANCE.md.
 */
package org.muster.reference;
