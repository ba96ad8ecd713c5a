/**
 * The import page: start a voter-file import from a path on the server, follow it live (htmx polling of the
 * persisted job), download its rejected rows as CSV. Admins and organisers only; every start and download is audited.
 */
package org.muster.web.imports;
