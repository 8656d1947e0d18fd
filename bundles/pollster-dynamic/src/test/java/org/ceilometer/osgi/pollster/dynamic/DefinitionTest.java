package org.ceilometer.osgi.pollster.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.junit.jupiter.api.Test;

/** The fields of a definition, their defaults and the errors, as master's PollsterDefinitions has them. */
class DefinitionTest {
    static final String REQUIRED = """
            - name: "test-pollster"
              sample_type: "gauge"
              unit: "test"
              value_attribute: "volume"
              endpoint_type: "test"
              url_path: "v1/test/endpoint/fake"
            """;

    @Test
    void defaultsAreMasters() {
        PollsterDefinition d = Defs.one(REQUIRED);
        assertEquals("test-pollster", d.name);
        assertEquals(MeterType.GAUGE, d.sampleType);
        assertEquals("test", d.unit);
        assertEquals("endpoint:test", d.defaultDiscovery());
        assertEquals(List.of(), d.skipSampleValues);
        assertEquals(Map.of(), d.valueMapping);
        assertEquals(-1L, d.defaultValue);
        assertEquals(Map.of(), d.metadataMapping);
        assertTrue(d.preserveMappedMetadata);
        assertNull(d.responseEntriesKey);
        assertNull(d.nextSampleUrlAttribute);
        assertEquals(List.of("user_id", "project_id", "id"),
                d.idAttributes.stream().map(PollsterDefinition.IdAttribute::source).toList());
        assertEquals(Duration.ofSeconds(30), d.timeout);
        assertEquals(3600, d.cacheSeconds);
        assertEquals(List.of(Map.of()), d.extraMetadataFieldsSkip);
        assertEquals(List.of(ResponseHandler.JSON), d.responseHandlers);
        assertArrayEquals(new String[] {"ceilometer.poll.central"}, d.serviceNamespaces());
        assertNull(d.multi);
        assertFalse(d.isNonOpenStack());
    }

    @Test
    void everyRequiredFieldIsNamedWhenMissing() {
        for (String field : List.of("name", "sample_type", "unit", "value_attribute", "endpoint_type", "url_path")) {
            String yaml = REQUIRED.lines().filter(l -> !l.strip().startsWith(field + ":")
                    && !l.strip().startsWith("- " + field + ":")).reduce("", (a, b) -> a + b + "\n");
            if (field.equals("name")) {
                yaml = yaml.replaceFirst("  sample_type", "- sample_type");
            }
            String error = Defs.error(yaml);
            assertTrue(error.contains("field '" + field + "': required field is missing"), error);
            assertTrue(error.startsWith("test.yaml: definition 1"), error);
        }
    }

    @Test
    void invalidValuesNameTheField() {
        assertTrue(Defs.error(REQUIRED.replace("\"gauge\"", "\"invalid_sample_type\""))
                .contains("field 'sample_type': invalid sample type [invalid_sample_type]"));
        assertTrue(Defs.error(REQUIRED.replace("\"gauge\"", "\"Gauge\"")).contains("field 'sample_type'"));
        assertTrue(Defs.error(REQUIRED.replace("test-pollster", "bad name!")).contains("field 'name'"));
        assertTrue(Defs.error(REQUIRED + "  response_handlers: json\n").contains("field 'response_handlers': must be a list"));
        assertTrue(Defs.error(REQUIRED + "  response_handlers: [json, yaml]\n")
                .contains("invalid response handler [yaml]; accepted values are json, xml, text"));
        assertTrue(Defs.error(REQUIRED + "  timeout: -1\n").contains("field 'timeout'"));
        assertTrue(Defs.error(REQUIRED + "  timeout: soon\n").contains("field 'timeout'"));
        assertTrue(Defs.error(REQUIRED + "  preserve_mapped_metadata: 'no'\n").contains("field 'preserve_mapped_metadata'"));
        assertTrue(Defs.error(REQUIRED + "  value_mapping: [a, b]\n").contains("field 'value_mapping'"));
        assertTrue(Defs.error(REQUIRED + "  extra_metadata_fields_skip: {a: 1}\n")
                .contains("field 'extra_metadata_fields_skip': must be a list of maps"));
        assertTrue(Defs.error(REQUIRED + "  headers: {X-A: [1, 2]}\n").contains("field 'headers.X-A'"));
        assertTrue(Defs.error(REQUIRED + "  namespaces: [central, 'no way']\n").contains("field 'namespaces'"));
        String attr = Defs.error(REQUIRED + "  metadata_fields: ['flavor.ram | value.nope']\n");
        assertTrue(attr.contains("field 'metadata_fields[0]': operation [value.nope]: '.nope'"), attr);
        String op = Defs.error(REQUIRED.replace("\"volume\"", "\"volume | value * \""));
        assertTrue(op.contains("field 'value_attribute': operation [value *]"), op);
        String noValue = Defs.error(REQUIRED.replace("\"volume\"", "\"volume | 1 + 1\""));
        assertTrue(noValue.contains("must use the [value] variable"), noValue);
        String module = Defs.error(REQUIRED.replace("\"volume\"", "\"volume | json.dumps(value)\""));
        assertTrue(module.contains("unknown name(s) [json]"), module);
    }

    @Test
    void theErrorNamesFileDefinitionNameAndLine() {
        String yaml = REQUIRED + REQUIRED.replace("test-pollster", "second").replace("\"test\"\n  value", "\"\"\n  value");
        DefinitionFile f = Defs.file(yaml);
        assertEquals(List.of("test-pollster"), Defs.names(f));
        assertEquals(List.of("test.yaml: definition 2 'second' (line 7): field 'unit': required field is missing"),
                f.errors());
    }

    @Test
    void optionalFieldsAreRead() {
        PollsterDefinition d = Defs.one(REQUIRED + """
                  metadata_fields: ["name", "flavor.vcpus", "tags | ','.join(value)"]
                  skip_sample_values: ["ERROR", 0]
                  value_mapping: {ACTIVE: "1", 2: two}
                  default_value: 0
                  metadata_mapping: {name: display_name}
                  preserve_mapped_metadata: false
                  response_entries_key: "servers"
                  next_sample_url_attribute: "links.next"
                  user_id_attribute: "owner"
                  project_id_attribute: "tenant_id"
                  resource_id_attribute: "uuid"
                  headers: {"Openstack-API-Version": "compute 2.65", "X-Num": 2.46}
                  timeout: 1.5
                  response_handlers: [xml, json]
                  namespaces: central
                  extra_metadata_fields_cache_seconds: 60
                """);
        assertEquals(List.of("name", "flavor.vcpus", "tags | ','.join(value)"),
                d.metadataFields.stream().map(PollsterDefinition.MetadataField::key).toList());
        assertEquals(List.of("ERROR", 0L), d.skipSampleValues);
        assertEquals("1", d.valueMapping.get("ACTIVE"));
        assertEquals("two", d.valueMapping.get(2L));
        assertEquals(0L, d.defaultValue);
        assertEquals(Map.of("name", "display_name"), d.metadataMapping);
        assertFalse(d.preserveMappedMetadata);
        assertNotNull(d.responseEntriesKey);
        assertNotNull(d.nextSampleUrlAttribute);
        assertEquals(List.of("owner", "tenant_id", "uuid"),
                d.idAttributes.stream().map(PollsterDefinition.IdAttribute::source).toList());
        assertEquals(Map.of("Openstack-API-Version", "compute 2.65", "X-Num", "2.46"), d.headers);
        assertEquals(Duration.ofMillis(1500), d.timeout);
        assertEquals(List.of(ResponseHandler.XML, ResponseHandler.JSON), d.responseHandlers);
        assertEquals(60, d.cacheSeconds);
    }

    @Test
    void namespacesMapToServiceNamespaces() {
        assertArrayEquals(new String[] {"ceilometer.poll.central", "ceilometer.poll.compute"},
                Defs.one(REQUIRED + "  namespaces: [central, compute, central]\n").serviceNamespaces());
        assertArrayEquals(new String[] {"ceilometer.poll.compute"},
                Defs.one(REQUIRED + "  namespaces: compute\n").serviceNamespaces());
    }

    @Test
    void multiMetricDefinitionsAreRecognisedAsMastersAre() {
        PollsterDefinition d = Defs.one(REQUIRED.replace("test-pollster", "test-pollster.{category}")
                .replace("\"volume\"", "\"[categories].ops\""));
        assertNotNull(d.multi);
        assertEquals("{category}", d.multi.placeholder());
        assertEquals("category", d.multi.subAttribute());
        assertEquals("categories", d.multi.listKey());
        assertEquals(List.of("ops"), d.multi.valueKeys());
        String e = Defs.error(REQUIRED.replace("test-pollster", "test-pollster.{category}"));
        assertTrue(e.contains("field 'value_attribute': a multi-metric pollster"), e);
    }

    @Test
    void theNonOpenStackFormNeedsAKnownAuthenticationObject() {
        String base = """
                - name: "test-pollster"
                  sample_type: "gauge"
                  unit: "test"
                  value_attribute: "volume"
                  url_path: "http://server.com/v1/test/endpoint/fake"
                  module: "awsauth"
                  authentication_object: "S3Auth"
                """;
        PollsterDefinition d = Defs.one(base);
        assertTrue(d.isNonOpenStack());
        assertEquals("barbican:", d.defaultDiscovery());
        assertEquals("", d.authenticationParameters);
        assertEquals("barbican:barbican_id", Defs.one(base + "  barbican_secret_id: barbican_id\n").defaultDiscovery());
        String e = Defs.error(base.replace("awsauth", "module-name"));
        assertTrue(e.contains("field 'module': module 'module-name' with authentication_object 'S3Auth' cannot be used: "
                + "Python modules are not loaded here (a definition cannot run code)"), e);
        String missing = Defs.error(base.replace("  authentication_object: \"S3Auth\"\n", ""));
        assertTrue(missing.contains("field 'authentication_object': required field is missing"), missing);
        String arity = Defs.error(base + "  authentication_parameters: \"only-one-secret\"\n");
        assertTrue(arity.contains("field 'authentication_parameters': awsauth.S3Auth takes 2 or 3"), arity);
        assertFalse(arity.contains("only-one-secret"), "the credentials never appear in a message");
        String relative = Defs.error(base.replace("http://server.com/", ""));
        assertTrue(relative.contains("field 'url_path': the non-OpenStack form needs an absolute"), relative);
        assertEquals(Authenticator.HTTP_BASIC_AUTH, Defs.one(base.replace("awsauth", "requests.auth")
                .replace("S3Auth", "HTTPBasicAuth")).authenticator);
    }

    @Test
    void localHostCommandsAreRefused() {
        String e = Defs.error("""
                - name: "dynamic.host.command"
                  sample_type: "gauge"
                  unit: "request"
                  value_attribute: "value"
                  host_command: "echo 1"
                """);
        assertTrue(e.contains("field 'host_command': local host commands are not run here"), e);
    }

    @Test
    void extraMetadataFieldsInheritFromTheirParent() {
        PollsterDefinition d = Defs.one(REQUIRED + """
                  extra_metadata_fields_skip: [{value: 1}]
                  extra_metadata_fields_cache_seconds: 100
                  extra_metadata_fields:
                    - name: "project_name"
                      endpoint_type: "identity"
                      url_path: "'/v3/projects/' + str(sample['project_id'])"
                      value: "name"
                    - name: "domain_id"
                      endpoint_type: "identity"
                      url_path: "/v3/domains"
                      sample_type: delta
                      extra_metadata_fields_cache_seconds: 5
                      extra_metadata_fields_skip: []
                """);
        PollsterDefinition a = d.extraMetadataFields.get(0);
        PollsterDefinition b = d.extraMetadataFields.get(1);
        assertEquals("project_name", a.name);
        assertEquals("name", a.valueAttribute.source());
        assertEquals(MeterType.GAUGE, a.sampleType);
        assertEquals("test", a.unit);
        assertEquals(List.of(Map.of("value", 1L)), a.extraMetadataFieldsSkip);
        assertEquals(100, a.responseCacheSeconds);
        assertNotNull(a.urlPathExpression);
        assertEquals("volume", b.valueAttribute.source());
        assertEquals(MeterType.DELTA, b.sampleType);
        assertEquals(5, b.responseCacheSeconds);
        assertEquals(List.of(), b.extraMetadataFieldsSkip);
        assertEquals(0, d.responseCacheSeconds, "the pollster's own responses are not cached");
        String e = Defs.error(REQUIRED + """
                  extra_metadata_fields:
                    - name: "ok"
                      endpoint_type: "identity"
                      url_path: "/v3"
                    - name: "no_url"
                      endpoint_type: "identity"
                """);
        assertTrue(e.contains("field 'extra_metadata_fields[1].url_path': required field is missing"), e);
    }

    @Test
    void unknownFieldsAreWarnedAboutAndIgnored() {
        DefinitionFile f = Defs.file(REQUIRED + "  default_value_mapping: 0\n");
        assertEquals(1, f.loaded().size());
        assertTrue(f.warnings().get(0).contains("unknown field(s) [default_value_mapping] ignored"), f.warnings().toString());
    }

    @Test
    void yamlTagsConstructNothing() {
        // SnakeYAML refuses global tags while composing: the whole file is refused, nothing is built
        DefinitionFile f = Defs.file(REQUIRED + REQUIRED.replace("test-pollster", "evil")
                .replace("\"test\"\n  value", "!!java.io.File \"/tmp\"\n  value"));
        assertEquals(List.of(), Defs.names(f));
        assertTrue(f.errors().get(0).contains("invalid YAML"), f.errors().toString());
        assertTrue(f.errors().get(0).contains("java.io.File"), f.errors().toString());
        // a local tag is refused by the safe constructor, for its definition alone
        f = Defs.file(REQUIRED + REQUIRED.replace("test-pollster", "evil").replace("\"test\"\n  value",
                "!custom \"/tmp\"\n  value"));
        assertEquals(List.of("test-pollster"), Defs.names(f));
        assertTrue(f.errors().get(0).contains("definition 2 'evil' (line 7): invalid YAML"), f.errors().toString());
    }

    @Test
    void aBrokenFileLoadsNothingAndSaysWhere() {
        DefinitionFile f = Defs.file(REQUIRED + "  - : [\n");
        assertEquals(List.of(), f.loaded());
        assertTrue(f.errors().get(0).startsWith("test.yaml:"), f.errors().toString());
        assertTrue(f.errors().get(0).contains("invalid YAML"), f.errors().toString());
        assertEquals(List.of(), Defs.file("").loaded());
        assertTrue(Defs.file("just text").errors().get(0).contains("a YAML list of definitions"));
    }

    @Test
    void duplicateNamesInOneFileKeepTheFirst() {
        DefinitionFile f = Defs.file(REQUIRED + REQUIRED.replace("\"test\"\n", "\"other\"\n"));
        assertEquals(1, f.loaded().size());
        assertEquals("test", f.loaded().get(0).definition().unit);
        assertTrue(f.errors().get(0).contains("already defined by definition 1 of this file"), f.errors().toString());
    }
}
