package io.clawguard.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * A review in progress, the same for the console's list and the line-by-line prompt: the
 * proposed rules, each kept or dropped and commented by the admin, and nothing written
 * until the admin saves.
 */
public final class BaselineReview {
    private final BaselineKind kind;
    private final List<BaselineItem> items;

    public BaselineReview(BaselineKind kind, List<BaselineItem> proposed) {
        this.kind = kind;
        this.items = new ArrayList<>(proposed);
    }

    public BaselineKind kind() {
        return kind;
    }

    public List<BaselineItem> items() {
        return List.copyOf(items);
    }

    public void toggle(int i) {
        items.set(i, items.get(i).toggled());
    }

    public void keep(int i, boolean keep) {
        if (items.get(i).keep() != keep) {
            toggle(i);
        }
    }

    public void comment(int i, String text) {
        items.set(i, items.get(i).commented(text));
    }

    public long kept() {
        return items.stream().filter(BaselineItem::keep).count();
    }

    public String summary() {
        return kept() + " of " + items.size() + " rules kept, " + (items.size() - kept()) + " dropped, for "
                + kind.fileName();
    }
}
