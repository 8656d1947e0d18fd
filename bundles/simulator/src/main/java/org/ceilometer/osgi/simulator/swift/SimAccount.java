package org.ceilometer.osgi.simulator.swift;

import java.util.List;

/**
 * What {@code HEAD /v1/<account>} tells of one Swift account: the {@code X-Account-*} headers.
 *
 * @param name the account, {@code AUTH_<project id>}
 * @param projectId the Keystone project it belongs to
 * @param containerCount {@code X-Account-Container-Count}
 * @param objectCount {@code X-Account-Object-Count}
 * @param bytesUsed {@code X-Account-Bytes-Used}
 * @param timestamp {@code X-Timestamp}, Swift's normal form ({@code 1718000000.12340})
 * @param policies the {@code X-Account-Storage-Policy-<name>-*} headers, per policy in use
 */
public record SimAccount(String name, String projectId, long containerCount, long objectCount, long bytesUsed,
        String timestamp, List<PolicyStats> policies) {

    /** The usage of one storage policy within the account. */
    public record PolicyStats(String policy, long containerCount, long objectCount, long bytesUsed) {}
}
