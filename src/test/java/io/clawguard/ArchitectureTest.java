package io.clawguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer lines of CONVENTIONS.md, held by the build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.clawguard");
    }

    @Test
    void nothingBelowTheConsoleUsesLanterna() {
        noClasses().that().resideOutsideOfPackages("io.clawguard.console..", "io.clawguard.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheTerminal() {
        noClasses().that().resideOutsideOfPackages("io.clawguard.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocliAndJline() {
        noClasses().that().resideOutsideOfPackages("io.clawguard.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..").check(classes);
    }

    @Test
    void coreLayersDoNotReachUpwards() {
        noClasses().that().resideInAnyPackage("io.clawguard.json..", "io.clawguard.files..", "io.clawguard.policy..",
                        "io.clawguard.audit..", "io.clawguard.elevation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clawguard.approval..", "io.clawguard.cli..",
                        "io.clawguard.console..", "io.clawguard.hook..", "io.clawguard.preflight..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.clawguard.policy..", "io.clawguard.audit..")
                .should().dependOnClassesThat().resideInAPackage("io.clawguard.elevation..").check(classes);
        noClasses().that().resideInAnyPackage("io.clawguard.monitor..", "io.clawguard.compliance..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clawguard.approval..", "io.clawguard.cli..",
                        "io.clawguard.console..").check(classes);
        noClasses().that().resideInAPackage("io.clawguard.bus..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.clawguard.bus..", "java..", "org.slf4j..")
                .check(classes);
    }

    /** The agent's hot path decides nothing: no JSON tree, no data binding, no policy, no broker code. */
    @Test
    void theExecClientIsThin() {
        noClasses().that().resideInAPackage("io.clawguard.exec..").or().haveFullyQualifiedName("io.clawguard.cli.ExecMain")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..",
                        "io.clawguard.json..", "io.clawguard.policy..", "io.clawguard.approval..", "io.clawguard.broker..",
                        "io.clawguard.attach..", "io.clawguard.audit..", "io.clawguard.elevation..", "picocli..",
                        "org.slf4j..")
                .check(classes);
    }

    /** Forwarding and the fleet link are plumbing for the broker and the console: neither reaches up into them. */
    @Test
    void forwardingAndTheFleetStayBelowTheScreenAndTheCommandLine() {
        noClasses().that().resideInAnyPackage("io.clawguard.forward..", "io.clawguard.fleet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clawguard.console..", "io.clawguard.cli..",
                        "io.clawguard.broker..", "com.googlecode.lanterna..")
                .check(classes);
        noClasses().that().resideInAPackage("io.clawguard.forward..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clawguard.approval..", "io.clawguard.fleet..")
                .check(classes);
    }

    /** The broker knows nothing of the screen; the console reaches the broker only through its link. */
    @Test
    void theBrokerHasNoScreenAndTheConsoleNoSockets() {
        noClasses().that().resideInAnyPackage("io.clawguard.broker..", "io.clawguard.attach..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clawguard.console..", "com.googlecode.lanterna..")
                .check(classes);
        noClasses().that().resideInAPackage("io.clawguard.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clawguard.broker..", "io.clawguard.wire..",
                        "org.newsclub..", "java.nio.channels..")
                .check(classes);
    }
}
