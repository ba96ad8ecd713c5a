/**
 * People search and person profile pages (and timeline notes), restricted to roles that read all people.
 */
package org.muster.web.people;
