package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void optionsNamedAsSecretsAreMaskedWhole() {
        for (String name : new String[] {"password", "os_password", "rabbit_password", "readonly_user_priv_password",
            "telemetry_secret", "metering_secret", "secret", "application_credential_secret", "secret_key",
            "access_key", "token", "admin_token", "memcache_secret_key", "host_password"}) {
            assertTrue(Secrets.isSecretName(name), name);
            assertEquals("***", Secrets.mask(name, "hunter2"), name);
        }
        assertEquals("", Secrets.mask("password", ""), "an empty secret shows as empty: it is not set");
    }

    @Test
    void namesThatOnlyTalkAboutSecretsAreShown() {
        for (String name : new String[] {"keyfile", "certfile", "cafile", "prometheus_tls_keyfile", "auth_type",
            "application_credential_id", "application_credential_name", "readonly_user_priv_proto",
            "readonly_user_name", "token_cache_time", "username", "auth_url", "password_file"}) {
            assertFalse(Secrets.isSecretName(name), name);
        }
        assertEquals("/etc/ssl/key.pem", Secrets.mask("keyfile", "/etc/ssl/key.pem"));
    }

    @Test
    void passwordsInsideUrlsAreMaskedEverywhere() {
        assertEquals("mongodb://u:***@h:27017/db", Secrets.mask("connection", "mongodb://u:pw@h:27017/db"));
        assertEquals("mongodb://u:***@h1:27017,h2:27017/db?replicaSet=rs0",
                Secrets.mask("connection", "mongodb://u:p@ss@h1:27017,h2:27017/db?replicaSet=rs0"));
        assertEquals("rabbit://a:***@h1:5672,b:***@h2:5672//",
                Secrets.mask("transport_url", "rabbit://a:x@h1:5672,b:y@h2:5672//"));
        assertEquals("redis://admin:***@h:6379?sentinel=s&db=0",
                Secrets.mask("backend_url", "redis://admin:pw@h:6379?sentinel=s&db=0"));
        assertEquals("http://h/x?user=u&password=***&b=2", Secrets.mask("url", "http://h/x?user=u&password=p&b=2"));
        assertEquals("mysql+pymysql://ceilometer@db/ceilometer",
                Secrets.mask("connection", "mysql+pymysql://ceilometer@db/ceilometer"), "a user alone is shown");
        assertEquals("log://", Secrets.mask("connection", "log://"));
        assertEquals("[mongodb://u:***@h/db, plain]", Secrets.mask("list", new String[] {"mongodb://u:p@h/db", "plain"}));
        assertEquals("[***, ***]", Secrets.mask("password", new String[] {"a", "b"}));
    }

    @Test
    void textsWithUrlsInside() {
        assertEquals("cannot reach mongodb://u:***@h/db: refused",
                Secrets.maskText("cannot reach mongodb://u:pw@h/db: refused"));
    }
}
