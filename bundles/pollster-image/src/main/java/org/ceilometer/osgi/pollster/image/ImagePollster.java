package org.ceilometer.osgi.pollster.image;

import java.time.Instant;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code image} meter: a gauge of 1 per image ({@code image}), as Ceilometer's
 * {@code ImagePollster} until it was dropped in Ocata.
 */
@Component(service = Pollster.class, configurationPid = ImagePollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ImagePollster.METER)
@Designate(ocd = ImagePollsterConfig.class)
public final class ImagePollster extends AbstractImagePollster {
    public static final String METER = "image";

    @Activate
    public ImagePollster(ImagePollsterConfig config) {
        super(config);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    Sample sample(ImageRecord image, Instant timestamp) {
        return Sample.builder()
                .name(METER)
                .type(MeterType.GAUGE)
                .unit("image")
                .volume(1L)
                .userId(null)
                .projectId(image.owner)
                .resourceId(image.id)
                .timestamp(timestamp)
                .resourceMetadata(image.metadata())
                .build();
    }
}
