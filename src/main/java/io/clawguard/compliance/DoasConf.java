package io.clawguard.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code /etc/doas.conf} as doas reads it: {@code permit|deny [options] identity [as target]
 * [cmd command [args…]]}, an identity being a user or {@code :group}, the last matching rule
 * deciding. doas installed without a rule for someone is no way to root for them.
 */
final class DoasConf {
    static final String FILE = "/etc/doas.conf";
    private static final int MAX_LINES = 10_000;
    private static final Set<String> OPTIONS = Set.of("nopass", "nolog", "persist", "keepenv");

    private DoasConf() {
    }

    /** One rule; {@code limited} when it names the commands ({@code cmd}). */
    record Rule(String source, String text, boolean permit, String identity, boolean limited) {
        boolean matches(Sudoers.Person p) {
            return identity.startsWith(":") ? p.groups().contains(identity.substring(1))
                    || p.gids().contains(Sudoers.number(identity.substring(1))) : identity.equals(p.name())
                    || identity.equals(Integer.toString(p.uid()));
        }
    }

    static List<Rule> parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.replace("\\\n", " ").split("\n", -1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String t = lines[i].replaceFirst("#.*", "").strip();
            List<String> words = Arrays.stream(t.split("\\s+")).filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty() || !(words.get(0).equals("permit") || words.get(0).equals("deny"))) {
                continue;
            }
            int at = 1;
            while (at < words.size() && (OPTIONS.contains(words.get(at)) || words.get(at).equals("setenv"))) {
                if (words.get(at).equals("setenv")) {
                    while (at < words.size() && !words.get(at).endsWith("}")) {
                        at++;
                    }
                }
                at++;
            }
            if (at < words.size()) {
                rules.add(new Rule(FILE + ":" + (i + 1), Evidence.text(t), words.get(0).equals("permit"), words.get(at),
                        words.contains("cmd")));
            }
        }
        return rules;
    }

    /** The permit rules that let {@code p} run something: not undone by a later deny of all its commands. */
    static List<Rule> permitting(List<Rule> rules, Sudoers.Person p) {
        List<Rule> open = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            boolean denied = rules.subList(i + 1, rules.size()).stream()
                    .anyMatch(later -> !later.permit() && !later.limited() && later.matches(p));
            if (r.permit() && r.matches(p) && !denied) {
                open.add(r);
            }
        }
        return open;
    }
}
