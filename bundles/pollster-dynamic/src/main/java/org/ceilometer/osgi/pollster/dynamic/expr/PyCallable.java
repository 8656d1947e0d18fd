package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.List;
import java.util.Map;

/** A function of the language: a builtin or a lambda. */
interface PyCallable {
    String name();

    Object call(Ctx ctx, List<Object> args, Map<String, Object> kwargs);
}
