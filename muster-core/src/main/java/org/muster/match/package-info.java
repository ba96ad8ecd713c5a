/**
 * Identity resolution: normalised match records, blocking, Fellegi-Sunter comparison with EM-trained weights and
 * term-frequency adjustment, explainable match probabilities, chaining-guarded clustering, golden records with
 * provenance, and the precision-first voter-file flags. Plain Java: no web or SQL types.
 */
package org.muster.match;
