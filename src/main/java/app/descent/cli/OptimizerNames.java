package app.descent.cli;

import app.descent.catalog.Optimizers;
import java.util.Iterator;

/** The registry's optimizer ids, for picocli's ${COMPLETION-CANDIDATES} in the help of --optimizer. */
final class OptimizerNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Optimizers.IDS.iterator();
    }
}
