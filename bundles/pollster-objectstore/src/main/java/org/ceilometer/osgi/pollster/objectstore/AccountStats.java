package org.ceilometer.osgi.pollster.objectstore;

/**
 * What a HEAD of one Swift account told, and nothing more: this, not the response, is what the cycle
 * cache keeps.
 *
 * @param projectId the project whose account it is
 * @param objects {@code X-Account-Object-Count}
 * @param bytes {@code X-Account-Bytes-Used}
 * @param containers {@code X-Account-Container-Count}
 */
record AccountStats(String projectId, long objects, long bytes, long containers) {}
