package org.ceilometer.osgi.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulator's seeded data. Nothing is stored: every item is computed from the seed and its
 * index when asked for, so the same seed always gives the same data, and 100,000 images cost no heap.
 * Tests read the expected values from here.
 *
 * <p>Projects: {@code admin} and {@code service} in the {@code Default} domain, then the tenant
 * projects {@code project-00001}, ... (every fourth one in the {@code Simulated} domain). Images are
 * owned by the tenant projects (by {@code admin} when there are none) and listed newest first, as
 * Glance lists them; every 37th image (index 5, 42, 79, ...) is {@code queued}, without size.
 */
public final class SimulatorData {
    /** The id of Keystone's default domain. */
    public static final String DEFAULT_DOMAIN_ID = "default";
    /** Index of the {@code admin} project in {@link #projects()}. */
    public static final int ADMIN_PROJECT = 0;
    /** Index of the {@code service} project in {@link #projects()}. */
    public static final int SERVICE_PROJECT = 1;
    /** Index of the first tenant project in {@link #projects()}. */
    public static final int FIRST_TENANT = 2;

    private static final long NEWEST_IMAGE_EPOCH = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter GLANCE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] IMAGE_NAMES = {
        "cirros-0.6.2-x86_64-disk", "ubuntu-24.04-server-cloudimg", "debian-12-genericcloud",
        "fedora-cloud-base-40", "centos-stream-9", "rocky-9-genericcloud", "windows-server-2022",
        "snapshot-of-vm",
    };
    private static final String[] TAGS = {"ceilometer", "golden", "test", "gpu", "hardened"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long seed;
    private final int tenantCount;
    private final int imageCount;
    private final Ids projectIds;
    private final Ids imageIds;
    private final Ids misc;
    private final List<SimDomain> domains;
    private final Credentials credentials;

    /** A Keystone role. */
    public record Role(String id, String name) {}

    /**
     * @param seed the seed every value derives from
     * @param tenantProjects how many tenant projects, beside {@code admin} and {@code service}
     * @param images how many images, 0 to 100,000 (more works, slowly)
     */
    public SimulatorData(long seed, int tenantProjects, int images) {
        if (tenantProjects < 0 || images < 0) {
            throw new IllegalArgumentException("counts must not be negative: projects=" + tenantProjects
                    + ", images=" + images);
        }
        this.seed = seed;
        this.tenantCount = tenantProjects;
        this.imageCount = images;
        this.projectIds = new Ids(seed, "project");
        this.imageIds = new Ids(seed, "image");
        this.misc = new Ids(seed, "misc");
        this.domains = List.of(
                new SimDomain(DEFAULT_DOMAIN_ID, "Default", "The default domain"),
                new SimDomain(new Ids(seed, "domain").hex32(1), "Simulated", "Projects of the simulator"));
        this.credentials = new Credentials(new Ids(seed, "user").hex32(0), new Ids(seed, "appcred").hex32(0));
    }

    public long seed() {
        return seed;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** {@code Default}, then {@code Simulated}. */
    public List<SimDomain> domains() {
        return domains;
    }

    /** The domain of an id or a name, if any. */
    public Optional<SimDomain> domain(String idOrName, boolean byName) {
        for (SimDomain d : domains) {
            if (byName ? d.name().equals(idOrName) : d.id().equals(idOrName)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The admin user's roles on every project: admin, member, reader. */
    public List<Role> roles() {
        Ids r = new Ids(seed, "role");
        return List.of(new Role(r.hex32(0), "admin"), new Role(r.hex32(1), "member"), new Role(r.hex32(2), "reader"));
    }

    /** A stable 32-hex id for a catalog entry (service or endpoint) of the given number. */
    public String catalogId(int number) {
        return misc.hex32(number);
    }

    // ---------------------------------------------------------------- projects

    /** How many projects in all: admin, service and the tenant projects. */
    public int projectCount() {
        return FIRST_TENANT + tenantCount;
    }

    /** How many tenant projects (those that own images). */
    public int tenantProjectCount() {
        return tenantCount;
    }

    /** Every project, in Keystone listing order. */
    public List<SimProject> projects() {
        return new AbstractList<>() {
            @Override
            public SimProject get(int index) {
                return project(index);
            }

            @Override
            public int size() {
                return projectCount();
            }
        };
    }

    /** The tenant projects only. */
    public List<SimProject> tenantProjects() {
        return projects().subList(FIRST_TENANT, projectCount());
    }

    public SimProject adminProject() {
        return project(ADMIN_PROJECT);
    }

    public SimProject project(int index) {
        java.util.Objects.checkIndex(index, projectCount());
        String id = projectIds.hex32(index);
        if (index == ADMIN_PROJECT) {
            return new SimProject(index, id, "admin", DEFAULT_DOMAIN_ID, "Bootstrap project for the admin user");
        }
        if (index == SERVICE_PROJECT) {
            return new SimProject(index, id, "service", DEFAULT_DOMAIN_ID, "Project of the service users");
        }
        int n = index - FIRST_TENANT + 1;
        String domain = n % 4 == 0 ? domains.get(1).id() : DEFAULT_DOMAIN_ID;
        return new SimProject(index, id, "project-" + pad5(n), domain, "Simulated tenant " + n);
    }

    /** The index of a project id, or -1. */
    public int projectIndex(String id) {
        int i = projectIds.index(id);
        return i >= 0 && i < projectCount() && projectIds.hex32(i).equals(id) ? i : -1;
    }

    /** The project of an id, if any. */
    public Optional<SimProject> projectById(String id) {
        int i = projectIndex(id);
        return i < 0 ? Optional.empty() : Optional.of(project(i));
    }

    /** The project of a name in a domain, if any. */
    public Optional<SimProject> projectByName(String name, String domainId) {
        if ("admin".equals(name) || "service".equals(name)) {
            SimProject p = project("admin".equals(name) ? ADMIN_PROJECT : SERVICE_PROJECT);
            return p.domainId().equals(domainId) ? Optional.of(p) : Optional.empty();
        }
        if (name != null && name.startsWith("project-") && name.length() == 13) {
            try {
                int n = Integer.parseInt(name.substring(8));
                int index = FIRST_TENANT + n - 1;
                if (n >= 1 && index < projectCount()) {
                    SimProject p = project(index);
                    return p.name().equals(name) && p.domainId().equals(domainId) ? Optional.of(p) : Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- images

    public int imageCount() {
        return imageCount;
    }

    /** Every image, in Glance's default listing order (newest first). Computed on access. */
    public List<SimImage> images() {
        return new AbstractList<>() {
            @Override
            public SimImage get(int index) {
                return image(index);
            }

            @Override
            public int size() {
                return imageCount;
            }
        };
    }

    /** The index of an image id, or -1. */
    public int imageIndex(String id) {
        int i = imageIds.index(id);
        return i >= 0 && i < imageCount && imageIds.uuid(i).equals(id) ? i : -1;
    }

    public Optional<SimImage> imageById(String id) {
        int i = imageIndex(id);
        return i < 0 ? Optional.empty() : Optional.of(image(i));
    }

    /** The image at a position of the listing. */
    public SimImage image(int index) {
        java.util.Objects.checkIndex(index, imageCount);
        SplittableRandom r = new SplittableRandom(imageIds.itemSeed(index));
        String id = imageIds.uuid(index);
        long created = NEWEST_IMAGE_EPOCH - index * 60L - r.nextInt(30);
        boolean queued = index % 37 == 5;
        String status = queued ? "queued" : r.nextInt(100) < 2 ? "deactivated" : "active";
        int f = r.nextInt(100);
        String container;
        String disk;
        if (f < 55) {
            container = "bare";
            disk = "qcow2";
        } else if (f < 80) {
            container = "bare";
            disk = "raw";
        } else if (f < 88) {
            container = "bare";
            disk = "vmdk";
        } else if (f < 94) {
            container = "bare";
            disk = "iso";
        } else if (f < 97) {
            container = "ovf";
            disk = "vmdk";
        } else {
            container = "ami";
            disk = "ami";
        }
        String name = IMAGE_NAMES[r.nextInt(IMAGE_NAMES.length)] + "-" + pad5(index);
        int v = r.nextInt(100);
        String visibility = v < 30 ? "public" : v < 80 ? "private" : v < 95 ? "shared" : "community";
        String owner = tenantCount > 0
                ? projectIds.hex32(FIRST_TENANT + r.nextInt(tenantCount))
                : projectIds.hex32(ADMIN_PROJECT);
        // 1 MiB to 20 GiB, log-uniform
        double logSize = Math.log(1 << 20) + r.nextDouble() * (Math.log(20L << 30) - Math.log(1 << 20));
        long bytes = (long) Math.exp(logSize);
        int virtualFactor = 1 + r.nextInt(8);
        boolean virtualUnknown = r.nextInt(100) < 20;
        long c1 = r.nextLong();
        long c2 = r.nextLong();
        long[] hash = new long[8];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = r.nextLong();
        }
        long updated = created + r.nextInt(30 * 86400);
        int minDisk = r.nextInt(100) < 60 ? 0 : 1 + r.nextInt(40);
        int minRam = r.nextInt(4) * 512;
        boolean isProtected = r.nextInt(100) < 5;
        int t = r.nextInt(10);
        int t1 = r.nextInt(TAGS.length);
        int t2 = (t1 + 1 + r.nextInt(TAGS.length - 1)) % TAGS.length;
        List<String> tags = t < 6 ? List.of() : t < 9 ? List.of(TAGS[t1]) : List.of(TAGS[t1], TAGS[t2]);

        Long size = queued ? null : bytes;
        Long virtualSize;
        if (queued || virtualUnknown || "iso".equals(disk)) {
            virtualSize = null;
        } else if ("qcow2".equals(disk) || "vmdk".equals(disk)) {
            virtualSize = bytes * virtualFactor;
        } else {
            virtualSize = bytes;
        }
        return new SimImage(index, id, name, status, visibility, owner, size, virtualSize,
                queued ? null : hex(c1, c2),
                queued ? null : "sha512",
                queued ? null : hex(hash),
                container, disk,
                GLANCE_TIME.format(Instant.ofEpochSecond(created)),
                GLANCE_TIME.format(Instant.ofEpochSecond(queued ? created : updated)),
                minDisk, minRam, isProtected, false, tags);
    }

    private static String pad5(int n) {
        String s = Integer.toString(n);
        return s.length() >= 5 ? s : "00000".substring(s.length()) + s;
    }

    private static String hex(long... values) {
        char[] c = new char[values.length * 16];
        int p = 0;
        for (long v : values) {
            for (int i = 15; i >= 0; i--) {
                c[p++] = HEX[(int) (v >>> (i * 4)) & 0xF];
            }
        }
        return new String(c);
    }
}
