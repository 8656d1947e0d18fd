package org.ceilometer.osgi.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFormatTest {
    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "42.5, 42.5",
        "0.1, 0.1",
        "12345678.0, 12345678.0",
        "1.0E15, 1000000000000000.0",
        "1.0E16, 1e+16",
        "1.5E20, 1.5e+20",
        "1.0E-4, 0.0001",
        "1.5E-5, 1.5e-05",
        "-2.25, -2.25",
        "-0.0, -0.0",
        "0.0, 0.0",
        "123456.789, 123456.789",
        "1.234E-100, 1.234e-100",
    })
    void doublesReadAsPythonStr(double value, String python) {
        assertEquals(python, PythonFormat.number(value));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "42, 42", "-7, -7", "9223372036854775807, 9223372036854775807"})
    void integersAreUnchanged(long value, String python) {
        assertEquals(python, PythonFormat.number(value));
    }

    @ParameterizedTest
    @CsvSource({"NaN, nan", "Infinity, inf", "-Infinity, -inf"})
    void specialValues(double value, String python) {
        assertEquals(python, PythonFormat.number(value));
    }
}
