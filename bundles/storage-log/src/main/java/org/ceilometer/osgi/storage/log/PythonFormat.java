package org.ceilometer.osgi.storage.log;

import java.math.BigDecimal;

/** Numbers rendered as Python's {@code str()} renders them, so log lines read as Ceilometer's do. */
final class PythonFormat {
    private PythonFormat() {}

    /**
     * Python's {@code str()} of a number: integers as they are; floats in the shortest form that reads
     * back the same, with {@code .0} when whole, in exponent form ({@code 1e+16}, {@code 1.5e-05})
     * outside [1e-4, 1e16), and {@code inf}, {@code -inf}, {@code nan}.
     */
    static String number(Number n) {
        if (n == null) {
            return "None";
        }
        if (!(n instanceof Double || n instanceof Float)) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }
}
