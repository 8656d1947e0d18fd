package org.ceilometer.osgi.pollster.objectstore;

/**
 * One container of an account listing as the samples need it.
 *
 * @param name the container name
 * @param count its {@code count} of objects, or null when the listing left it out
 * @param bytes its {@code bytes}, or null when the listing left it out
 * @param storagePolicy its {@code storage_policy}, or null (Swift before 2.35, or a policy it cannot tell)
 */
record ContainerStats(String name, Long count, Long bytes, String storagePolicy) {}
