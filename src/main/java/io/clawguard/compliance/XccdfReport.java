package io.clawguard.compliance;

import io.clawguard.Product;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The assessment as XCCDF 1.2: a Benchmark with one Rule per check (its ISO 27001, CSF and
 * SP 800-53 ids as idents) and one TestResult with a rule-result per check, so OpenSCAP's tools
 * and SCAP viewers read it. XCCDF has no "partial": a partial check is a fail whose message says
 * partial. The score element carries ClawGuard's own model under its own system URI, since
 * partial counts half here and XCCDF's default model has no such weight.
 */
public final class XccdfReport {
    static final String NS = "http://checklists.nist.gov/xccdf/1.2";
    static final String ISO_SYSTEM = "https://www.iso.org/standard/27001";
    static final String CSF_SYSTEM = "https://doi.org/10.6028/NIST.CSWP.29";
    static final String SP800_53_SYSTEM = "https://doi.org/10.6028/NIST.SP.800-53r5";
    static final String SCORE_SYSTEM = "urn:clawguard:scoring:risk-weighted";
    private static final String PREFIX = "xccdf_io.clawguard_";

    private XccdfReport() {
    }

    public static String of(Assessment a, ControlCatalog catalog) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.setDefaultNamespace(NS);
            x.writeStartElement(NS, "Benchmark");
            x.writeDefaultNamespace(NS);
            x.writeAttribute("id", PREFIX + "benchmark_openclaw-host");
            x.writeAttribute("resolved", "1");
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            text(x, "status", "draft");
            text(x, "title", "ClawGuard controls for hosts running OpenClaw");
            text(x, "description", "Checks of privileged execution, network exposure, OpenClaw's configuration and"
                    + " the host, mapped to ISO/IEC 27001:2022 Annex A, NIST CSF 2.0 and NIST SP 800-53 r5.");
            text(x, "version", Product.VERSION);
            for (ScoredCheck s : a.checks()) {
                rule(x, s.control(), catalog);
            }
            testResult(x, a);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XCCDF report could not be written", e);
        }
        return out + "\n";
    }

    private static void rule(XMLStreamWriter x, Control c, ControlCatalog catalog) throws XMLStreamException {
        x.writeStartElement(NS, "Rule");
        x.writeAttribute("id", ruleId(c.checkId()));
        x.writeAttribute("selected", "true");
        x.writeAttribute("severity", severity(c.defaultRisk()));
        x.writeAttribute("weight", Integer.toString(Scoring.weight(c.defaultRisk())));
        text(x, "title", c.title());
        text(x, "description", c.expectedState());
        references(x, ISO_SYSTEM, "ISO/IEC 27001:2022 ", c.iso27001(), catalog.iso27001());
        references(x, CSF_SYSTEM, "NIST CSF 2.0 ", c.nistCsf(), catalog.nistCsf());
        references(x, SP800_53_SYSTEM, "NIST SP 800-53 r5 ", c.nistSp80053(), catalog.nistSp80053());
        idents(x, c);
        x.writeEndElement();
    }

    /** The control's title beside its id, for a reader without the catalogs at hand. */
    private static void references(XMLStreamWriter x, String href, String source, List<String> ids,
                                   java.util.Map<String, String> titles) throws XMLStreamException {
        for (String id : ids) {
            x.writeStartElement(NS, "reference");
            x.writeAttribute("href", href);
            x.writeCharacters(xmlSafe(source + id + " " + titles.getOrDefault(id, "")).strip());
            x.writeEndElement();
        }
    }

    private static void testResult(XMLStreamWriter x, Assessment a) throws XMLStreamException {
        x.writeStartElement(NS, "TestResult");
        x.writeAttribute("id", PREFIX + "testresult_assessment");
        x.writeAttribute("start-time", time(a.generatedAt()));
        x.writeAttribute("end-time", time(a.generatedAt()));
        x.writeAttribute("test-system", "cpe:/a:clawguard:clawguard:" + Product.VERSION);
        x.writeAttribute("version", Product.VERSION);
        x.writeEmptyElement(NS, "benchmark");
        x.writeAttribute("href", "#" + PREFIX + "benchmark_openclaw-host");
        text(x, "title", "ClawGuard assessment of " + a.host());
        text(x, "remark", a.coverage().describe() + "; band: " + a.band());
        text(x, "target", a.host());
        for (ScoredCheck s : a.checks()) {
            x.writeStartElement(NS, "rule-result");
            x.writeAttribute("idref", ruleId(s.control().checkId()));
            x.writeAttribute("severity", severity(s.result().risk()));
            x.writeAttribute("time", time(a.generatedAt()));
            x.writeAttribute("weight", Integer.toString(Scoring.weight(s.result().risk())));
            text(x, "result", result(s.result().status()));
            idents(x, s.control());
            message(x, (s.result().status() == Status.PARTIAL ? "partial: " : "") + s.result().observed());
            message(x, "evidence: " + s.result().evidence());
            if (!s.result().gap().isEmpty()) {
                message(x, "gap: " + s.result().gap());
                text(x, "fix", s.result().mitigation());
            }
            x.writeEndElement();
        }
        x.writeStartElement(NS, "score");
        x.writeAttribute("system", SCORE_SYSTEM);
        x.writeAttribute("maximum", "100");
        x.writeCharacters(Integer.toString(a.score()));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void idents(XMLStreamWriter x, Control c) throws XMLStreamException {
        ident(x, ISO_SYSTEM, c.iso27001());
        ident(x, CSF_SYSTEM, c.nistCsf());
        ident(x, SP800_53_SYSTEM, c.nistSp80053());
    }

    private static void ident(XMLStreamWriter x, String system, List<String> ids) throws XMLStreamException {
        for (String id : ids) {
            x.writeStartElement(NS, "ident");
            x.writeAttribute("system", system);
            x.writeCharacters(id);
            x.writeEndElement();
        }
    }

    private static void message(XMLStreamWriter x, String text) throws XMLStreamException {
        x.writeStartElement(NS, "message");
        x.writeAttribute("severity", "info");
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(NS, element);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    /** XCCDF's result words: a partial check is a fail; not assessed is notchecked. */
    static String result(Status status) {
        return switch (status) {
            case COMPLIANT -> "pass";
            case PARTIAL, VIOLATION -> "fail";
            case ERROR -> "error";
            case NOT_ASSESSED -> "notchecked";
            case NOT_APPLICABLE -> "notapplicable";
        };
    }

    private static String severity(String risk) {
        return switch (risk) {
            case "low", "medium", "high" -> risk;
            case "critical" -> "high";
            default -> "unknown";
        };
    }

    static String ruleId(String checkId) {
        return PREFIX + "rule_" + checkId;
    }

    private static String time(Instant at) {
        return at.toString();
    }

    /**
     * Observed states quote the host (process names, file names): characters XML 1.0 cannot
     * carry at all (C0 controls but tab, LF and CR) are written out as \\xNN rather than
     * breaking the document.
     */
    static String xmlSafe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            if (allowed) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\x%02X", cp));
            }
        });
        return b.toString();
    }
}
