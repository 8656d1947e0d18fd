package org.ceilometer.osgi.pollster.image;

import java.time.Instant;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code image.size} meter: a gauge of the image's size in bytes ({@code B}), as Ceilometer's
 * {@code ImageSizePollster}. An image without size (queued, no data yet) gives no sample: Ceilometer
 * makes one with volume None, which its pipeline then drops with a warning.
 *
 * <p>Reads the same configuration as {@link ImagePollster}, which declares it for the metatype.
 */
@Component(service = Pollster.class, configurationPid = ImagePollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ImageSizePollster.METER)
public final class ImageSizePollster extends AbstractImagePollster {
    public static final String METER = "image.size";

    @Activate
    public ImageSizePollster(ImagePollsterConfig config) {
        super(config);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    Sample sample(ImageRecord image, Instant timestamp) {
        if (image.size == null) {
            return null;
        }
        return Sample.builder()
                .name(METER)
                .type(MeterType.GAUGE)
                .unit("B")
                .volume(image.size)
                .userId(null)
                .projectId(image.owner)
                .resourceId(image.id)
                .timestamp(timestamp)
                .resourceMetadata(image.metadata())
                .build();
    }
}
