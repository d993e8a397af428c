package io.clawguard;

/** What ClawGuard calls itself where others read it: {@code --version}, syslog and OCSF metadata. */
public final class Product {
    public static final String NAME = "ClawGuard";
    public static final String VERSION = "0.1.0";

    private Product() {
    }
}
