package org.ceilometer.osgi.simulator.rgw;

import java.util.List;

/**
 * One bucket of an RGW user, as {@code GET /admin/bucket?uid=<user>&stats=true} shows it.
 *
 * @param index its position in the user's listing (names sort in index order)
 * @param name the bucket's name, unique in the cluster
 * @param id its id (also its marker), {@code <zone>.<number>.<index>}
 * @param creationTime {@code creation_time}, ISO 8601 with microseconds
 * @param usage one entry per usage category ({@code rgw.main}, {@code rgw.multimeta}); none for an empty bucket
 */
public record SimBucket(int index, String name, String id, String creationTime, List<Category> usage) {

    /**
     * The usage of one category of a bucket.
     *
     * @param category {@code rgw.main}, {@code rgw.multimeta}, ...
     * @param size bytes
     * @param sizeActual bytes as stored, each object rounded up to 4 KiB
     * @param numObjects objects
     */
    public record Category(String category, long size, long sizeActual, long numObjects) {
        /** RGW's {@code size_kb}: the size in KiB rounded up. */
        public long sizeKb() {
            return (size + 1023) / 1024;
        }

        /** RGW's {@code size_kb_actual}. */
        public long sizeKbActual() {
            return (sizeActual + 1023) / 1024;
        }
    }
}
