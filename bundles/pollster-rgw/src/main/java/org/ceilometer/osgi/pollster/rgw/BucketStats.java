package org.ceilometer.osgi.pollster.rgw;

import java.util.List;

/**
 * What Ceilometer's {@code RGWAdminClient.get_bucket} makes of one user's bucket stats, and nothing
 * more: this, not the answer, is what the cycle cache keeps.
 *
 * @param numBuckets how many buckets the answer lists ({@code num_buckets})
 * @param sizeKb the sum of {@code size_kb} over every usage category of every bucket ({@code size})
 * @param numObjects the sum of {@code num_objects} likewise ({@code num_objects})
 * @param buckets one entry per usage category of each bucket ({@code rgw.main}, {@code rgw.multimeta},
 *     ...), as Ceilometer's list of {@code Bucket(name, num_objects, size)}: a bucket without usage has
 *     none, one with two categories has two
 */
record BucketStats(long numBuckets, long sizeKb, long numObjects, List<Bucket> buckets) {
    static final BucketStats EMPTY = new BucketStats(0, 0, 0, List.of());

    /**
     * One usage category of one bucket.
     *
     * @param name the bucket's name
     * @param numObjects its {@code num_objects}, or null when the answer lacked it
     * @param sizeKb its {@code size_kb}, or null when the answer lacked it
     */
    record Bucket(String name, Long numObjects, Long sizeKb) {}
}
