package org.ceilometer.osgi.api.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random messages signed by Python 3 ({@code src/test/python/signature_vectors.py --fuzz}), read as a
 * JSON decoder reads them (ints as Integer/Long/BigInteger, floats as Double), signed again here.
 */
class SignatureFuzzTest {
    private static final String SECRET = "k\u20acy";

    @Test
    void everyFuzzedMessageSignsAsInPython() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/signing/fuzz.jsonl");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> vector = json.readValue(line, Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) vector.get("message");
                assertEquals(vector.get("signature"), MessageSigning.computeSignature(message, SECRET), line);
                checked++;
            }
        }
        assertTrue(checked >= 300, "read " + checked + " vectors");
    }
}
