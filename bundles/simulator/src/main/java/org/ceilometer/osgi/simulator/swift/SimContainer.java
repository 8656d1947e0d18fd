package org.ceilometer.osgi.simulator.swift;

/**
 * One Swift container as an account listing shows it ({@code GET /v1/<account>?format=json}).
 *
 * @param index its position in the account's listing (names sort in index order)
 * @param name the container name (UTF-8, may hold spaces and {@code & + %})
 * @param count objects in the container
 * @param bytes bytes used by those objects
 * @param lastModified Swift's {@code Timestamp.isoformat}: UTC, six fraction digits, no zone
 *     ({@code 2024-11-19T20:08:13.283450})
 * @param storagePolicy the policy name, or null when Swift could not tell it (the key is then left out)
 */
public record SimContainer(int index, String name, long count, long bytes, String lastModified,
        String storagePolicy) {}
