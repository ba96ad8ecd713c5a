/**
 * Operations endpoints: /health for load balancers and /metrics (Prometheus) with JVM and HTTP request metrics.
 */
package org.muster.web.ops;
