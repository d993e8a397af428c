package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** assess --xccdf: XCCDF 1.2 that OpenSCAP validates, with a rule-result and idents per check. */
class XccdfReportTest {
    @TempDir
    Path root;

    private Assessment assessment() throws Exception {
        PreparedHome h = new PreparedHome(root);
        // Hostile text the report must carry as data: a control character XML 1.0 cannot hold, markup, an escape.
        h.listening.add(PreparedHome.listener("0.0.0.0", 23, "tel\u0001net</message>\u001b[31m"));
        h.openclaw("{gateway: {bind: 'lan'}}");
        h.file(h.home.commandPolicy(), "{\"deny\": [\"^/bin/sh\"], \"allow\": [\"^/usr/bin/id$\"]}");
        return Assessor.builtIn().assess(h.signals(), Instant.parse("2026-11-25T12:00:00Z"), "host<1>");
    }

    private static String oscap(String... args) throws Exception {
        Process p = new ProcessBuilder(List.of(args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void oscapValidatesTheReportAndReadsItsResults() throws Exception {
        Assessment a = assessment();
        Path file = root.resolve("assessment.xccdf.xml");
        Files.writeString(file, XccdfReport.of(a, ControlCatalog.builtIn()));
        oscap("oscap", "xccdf", "validate", "--schematron", file.toString());
        // A SCAP tool reads it as results: oscap renders the TestResult to an HTML report.
        Path html = root.resolve("report.html");
        oscap("oscap", "xccdf", "generate", "report", "--output", html.toString(), file.toString());
        assertThat(Files.readString(html)).contains("privilege_approval_required");
    }

    @Test
    void everyCheckHasARuleResultWithItsStatusAndItsControlIds() throws Exception {
        Assessment a = assessment();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                XccdfReport.of(a, ControlCatalog.builtIn()).getBytes(StandardCharsets.UTF_8)));
        NodeList results = doc.getElementsByTagNameNS(XccdfReport.NS, "rule-result");
        assertThat(results.getLength()).isEqualTo(a.checks().size());
        for (ScoredCheck s : a.checks()) {
            Element r = find(results, XccdfReport.ruleId(s.control().checkId()));
            assertThat(text(r, "result")).as(s.control().checkId()).isEqualTo(XccdfReport.result(s.result().status()));
            List<String> idents = texts(r, "ident");
            assertThat(idents).containsAll(s.control().iso27001()).containsAll(s.control().nistCsf())
                    .containsAll(s.control().nistSp80053());
        }
        Element policy = find(results, XccdfReport.ruleId("command_policy_enforced"));
        assertThat(texts(policy, "ident")).as("the allow-list makes it CM-7(5)").contains("CM-7(5)").doesNotContain("CM-7(4)");
        String insecure = String.join(" ", texts(find(results, XccdfReport.ruleId("insecure_ports_remediated")), "message"));
        assertThat(insecure).as("markup stays text, controls are written out").contains("</message>")
                .doesNotContain("\u0001", "\u001b");
        assertThat(doc.getElementsByTagNameNS(XccdfReport.NS, "score").item(0).getTextContent())
                .isEqualTo(Integer.toString(a.score()));
    }

    @Test
    void charactersXmlCannotCarryAreWrittenOutNotDropped() {
        assertThat(XccdfReport.xmlSafe("a\u0001b\u001bc\ud800d\ttab")).isEqualTo("a\\x01b\\x1Bc\\xD800d\ttab");
    }

    private static Element find(NodeList results, String idref) {
        for (int i = 0; i < results.getLength(); i++) {
            Element e = (Element) results.item(i);
            if (e.getAttribute("idref").equals(idref)) {
                return e;
            }
        }
        throw new AssertionError("no rule-result for " + idref);
    }

    private static String text(Element e, String child) {
        return e.getElementsByTagNameNS(XccdfReport.NS, child).item(0).getTextContent();
    }

    private static List<String> texts(Element e, String child) {
        NodeList n = e.getElementsByTagNameNS(XccdfReport.NS, child);
        return java.util.stream.IntStream.range(0, n.getLength()).mapToObj(i -> n.item(i).getTextContent()).toList();
    }
}
