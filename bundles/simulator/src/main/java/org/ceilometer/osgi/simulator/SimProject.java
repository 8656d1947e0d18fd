package org.ceilometer.osgi.simulator;

/**
 * A Keystone project.
 *
 * @param index its position in {@link SimulatorData#projects()}
 * @param id 32 hex digits
 * @param name unique within its domain
 * @param domainId the id of its domain
 * @param description free text
 */
public record SimProject(int index, String id, String name, String domainId, String description) {}
