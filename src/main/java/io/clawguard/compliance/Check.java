package io.clawguard.compliance;

import java.util.function.Function;

/** One control check: reads signals, says how the control stands. */
public interface Check {
    String id();

    CheckResult.Draft evaluate(Signals signals);

    /** A check from its id and a function. */
    static Check of(String id, Function<Signals, CheckResult.Draft> body) {
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public CheckResult.Draft evaluate(Signals signals) {
                return body.apply(signals);
            }
        };
    }
}
