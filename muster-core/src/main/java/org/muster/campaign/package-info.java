/** Campaigns: the tenant that owns every person, user, list and message. */
package org.muster.campaign;
