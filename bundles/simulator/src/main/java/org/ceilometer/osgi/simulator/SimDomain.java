package org.ceilometer.osgi.simulator;

/**
 * A Keystone domain.
 *
 * @param id {@code default} for the default domain, 32 hex digits otherwise
 * @param name the domain name ({@code Default}, ...)
 * @param description free text
 */
public record SimDomain(String id, String name, String description) {}
