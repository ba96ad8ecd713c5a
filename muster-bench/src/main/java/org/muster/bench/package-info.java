/**
 * Benchmarks (JMH), each measured side by side with its anchor in the same run; results and the commands that
 * reproduce them are in docs/benchmarks.md. Never shipped.
 */
package org.muster.bench;
