package org.rnnlab.app.widgets;

import org.rnnlab.app.support.AppMemory;

/**
 * A step's number fields as the learner left them, there again at the next launch: each value is
 * kept when it changes (the lesson's reset included) and put back at the start through its field,
 * so a kept value today's range refuses (another corpus, another version) leaves the default.
 */
public final class FormMemory {
    private final AppMemory memory;
    private final String step;

    /** Keeps the fields of {@code step} ("training") in {@code memory}. */
    public FormMemory(AppMemory memory, String step) {
        this.memory = memory;
        this.step = step;
    }

    /** Puts back {@code input}'s kept value, then keeps each new value it takes. */
    public FormMemory keep(String name, NumberInput input) {
        String key = step + "." + name;
        memory.setting(key).ifPresent(kept -> {
            if (!input.enter(kept)) {
                input.revert();
            }
        });
        input.onValue(now -> memory.setSetting(key, input.kind() == NumberInput.Kind.WHOLE
                ? Long.toString(now.longValue()) : Double.toString(now.doubleValue())));
        return this;
    }
}
