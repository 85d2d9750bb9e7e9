package app.descent.ui.training;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clicks on Step not yet taken: added on the FX thread, taken one at a time on the training thread. A volatile
 * int's {@code ++} and {@code --} from two threads lose updates (read, add, write are three steps); this does not.
 */
final class StepRequests {
    private final AtomicInteger pending = new AtomicInteger();

    /** One more step wanted (FX thread). */
    void request() {
        pending.incrementAndGet();
    }

    /** Takes one request if there is one (training thread). */
    boolean take() {
        return pending.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    int pending() {
        return pending.get();
    }

    void clear() {
        pending.set(0);
    }
}
