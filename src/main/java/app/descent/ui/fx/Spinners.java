package app.descent.ui.fx;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Editable number spinners that take what a person types without failing: JavaFX commits the text when the spinner
 * loses focus or on Enter, and its own converter throws on "3,4" or "1e3" (an uncaught exception, and the text stays).
 * Here text that is not a whole number goes back to the number in use.
 */
public final class Spinners {
    private Spinners() {
    }

    /** Guards {@code spinner}, and every value factory it is given later. */
    public static void guard(Spinner<Integer> spinner) {
        apply(spinner, spinner.getValueFactory());
        spinner.valueFactoryProperty().addListener((o, old, factory) -> apply(spinner, factory));
    }

    private static void apply(Spinner<Integer> spinner, SpinnerValueFactory<Integer> factory) {
        if (factory != null && !(factory.getConverter() instanceof Tolerant)) {
            factory.setConverter(new Tolerant(spinner));
        }
    }

    private static final class Tolerant extends StringConverter<Integer> {
        private final Spinner<Integer> spinner;

        Tolerant(Spinner<Integer> spinner) {
            this.spinner = spinner;
        }

        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException | NullPointerException e) {
                Integer kept = spinner.getValue();
                // the field shows the number in use again, not text it did not take
                spinner.getEditor().setText(toString(kept));
                return kept;
            }
        }
    }
}
