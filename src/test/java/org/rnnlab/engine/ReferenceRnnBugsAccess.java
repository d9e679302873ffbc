package org.rnnlab.engine;

import java.util.Set;

/** The parameters each injected bug breaks, for the command line's tests in another package. */
public final class ReferenceRnnBugsAccess {
    private ReferenceRnnBugsAccess() {
    }

    public static Set<String> broken(ReferenceRnn.Bug bug) {
        return ReferenceRnnBugsTest.BROKEN.get(bug);
    }
}
