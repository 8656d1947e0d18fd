package org.ceilometer.osgi.conf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** An in-memory ConfigurationAdmin: enough for the importer, and it counts writes. */
final class FakeConfigAdmin implements ConfigurationAdmin {
    final Map<String, FakeConfiguration> configs = Collections.synchronizedMap(new TreeMap<>());
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();

    final class FakeConfiguration implements Configuration {
        private final String pid;
        private Hashtable<String, Object> props;
        private long changes;
        private boolean deleted;

        /** As Felix's: a deleted configuration answers nothing more. */
        private void alive() {
            if (deleted) {
                throw new IllegalStateException("Configuration " + pid + " deleted");
            }
        }

        FakeConfiguration(String pid) {
            this.pid = pid;
        }

        @Override
        public String getPid() {
            alive();
            return pid;
        }

        @Override
        public synchronized Dictionary<String, Object> getProperties() {
            alive();
            return props == null ? null : copy(props);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public synchronized void update(Dictionary<String, ?> properties) {
            alive();
            Hashtable<String, Object> p = new Hashtable<>();
            for (Enumeration<String> k = properties.keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                p.put(key, properties.get(key));
            }
            p.put("service.pid", pid);
            props = p;
            changes++;
            configs.put(pid, this);
            writes.incrementAndGet();
        }

        @Override
        public synchronized void delete() {
            alive();
            deleted = true;
            configs.remove(pid);
            props = null;
            deletes.incrementAndGet();
        }

        @Override
        public String getFactoryPid() {
            return null;
        }

        @Override
        public void update() {}

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> properties) {
            throw new UnsupportedOperationException("the importer compares by itself");
        }

        @Override
        public void setBundleLocation(String location) {}

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public synchronized long getChangeCount() {
            return changes;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {}

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return EnumSet.noneOf(ConfigurationAttribute.class);
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {}
    }

    private static Hashtable<String, Object> copy(Dictionary<String, Object> d) {
        Hashtable<String, Object> h = new Hashtable<>();
        for (Enumeration<String> k = d.keys(); k.hasMoreElements();) {
            String key = k.nextElement();
            h.put(key, d.get(key));
        }
        return h;
    }

    /** A configuration made by someone else (FileInstall when filename is set). */
    FakeConfiguration put(String pid, Map<String, Object> properties) {
        FakeConfiguration c = new FakeConfiguration(pid);
        c.update(new Hashtable<>(properties));
        return c;
    }

    Dictionary<String, Object> props(String pid) {
        FakeConfiguration c = configs.get(pid);
        return c == null ? null : c.getProperties();
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        synchronized (configs) {
            FakeConfiguration c = configs.get(pid);
            return c != null ? c : new FakeConfiguration(pid);
        }
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws IOException, InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> out = new ArrayList<>();
        synchronized (configs) {
            for (FakeConfiguration c : configs.values()) {
                Dictionary<String, Object> p = c.getProperties();
                if (p != null && (f == null || f.match(p))) {
                    out.add(c);
                }
            }
        }
        return out.isEmpty() ? null : out.toArray(new Configuration[0]);
    }
}
