package app.descent.ui.backprop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Backprop workspace: the expression and its variables, the computed picture, and which step of
 * the forward/backward replay is shown. Every edit recomputes at once (expressions are tiny).
 */
public final class BackpropViewModel {
    /** A row of the variable table; the value stays text so that a half-typed number is not lost. */
    public static final class Variable {
        private final String name;
        private final StringProperty value;

        Variable(String name, String value) {
            this.name = name;
            this.value = new SimpleStringProperty(value);
        }

        public String name() {
            return name;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    /** Analytic gradient beside the central-difference check. */
    public record Gradient(String name, double analytic, double numeric) {
    }

    private final StringProperty expression = new SimpleStringProperty("");
    private final ObservableList<Variable> variables = FXCollections.observableArrayList(
            v -> new javafx.beans.Observable[] {v.valueProperty()});
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObservableList<Gradient> gradients = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper atStart = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty predict = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final DoubleProperty speed = new SimpleDoubleProperty(2);
    private boolean syncing;
    // values given by a person or a preset survive while the expression is retyped, so nothing typed is lost
    private final Map<String, String> remembered = new LinkedHashMap<>();
    private String update;
    private double learningRate;
    // the expression as a preset or another workspace gave it; null once the person typed their own
    private String givenExpression;
    private final ReadOnlyBooleanWrapper custom = new ReadOnlyBooleanWrapper(false);
    static final String CUSTOM_NOTE = "Your own expression: Step runs it forward node by node, then backward.";

    public BackpropViewModel() {
        expression.addListener((o, a, e) -> {
            if (givenExpression != null && !givenExpression.equals(e)) {
                becomeCustom();
            }
            recompute(true);
        });
        predict.addListener((o, a, on) -> feedback.set(""));
        variables.addListener((javafx.collections.ListChangeListener<Variable>) c -> {
            if (!syncing) {
                variables.forEach(v -> remembered.put(v.name(), v.valueProperty().get()));
                recompute(false);
            }
        });
        step.addListener((o, a, s) -> refreshFrame());
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public ObservableList<Variable> variables() {
        return variables;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<Gradient> gradients() {
        return gradients;
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    public BooleanProperty predictProperty() {
        return predict;
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    /** True once the expression is the person's own rather than a preset's (or another workspace's). */
    public ReadOnlyBooleanProperty customProperty() {
        return custom.getReadOnlyProperty();
    }

    /** The values as typed, in the table's order. */
    public Map<String, String> valueTexts() {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach(v -> out.put(v.name(), v.valueProperty().get()));
        return out;
    }

    /** The person's own expression with values as they typed them (a restart brings back the last session's). */
    public void loadCustom(String expr, Map<String, String> values) {
        loadTexts(expr, values, null, null, 0);
        becomeCustom();
    }

    private void becomeCustom() {
        givenExpression = null;
        update = null;
        custom.set(true);
        note.set(CUSTOM_NOTE);
    }

    /**
     * Whether the table may show the gradient of {@code name}: always, unless the person is predicting; then only once
     * the backward pass has sent that variable everything it gets (the table must not give the answer away).
     */
    public boolean revealed(String name) {
        Picture p = picture.get();
        if (!predict.get() || p == null) {
            return true;
        }
        int at = step.get();
        if (at < p.forwardSteps()) {
            return false; // the backward pass has not begun
        }
        for (int i = at + 1; i < p.steps().size(); i++) {
            for (Picture.Flow f : p.steps().get(i).flows()) {
                Picture.Node into = p.nodes().get(p.edges().get(f.edge()).from());
                if (into.kind() == Picture.Kind.INPUT && name.equals(into.name())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Loads an expression with its values, replacing the table. */
    public void load(String expr, Map<String, Double> values, String presetNote) {
        load(expr, values, presetNote, null, 0);
    }

    /** As {@link #load(String, Map, String)}, also showing one gradient-descent step of {@code update}. */
    public void load(String expr, Map<String, Double> values, String presetNote, String update, double lr) {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((k, v) -> texts.put(k, Numbers.format(v)));
        loadTexts(expr, texts, presetNote, update, lr);
    }

    /** As {@link #load(String, Map, String, String, double)} with the values as text (a half-typed one stays). */
    public void loadTexts(String expr, Map<String, String> values, String presetNote, String update, double lr) {
        this.update = update;
        this.learningRate = lr;
        givenExpression = expr;
        custom.set(false);
        syncing = true;
        try {
            variables.clear();
            values.forEach((k, v) -> {
                variables.add(new Variable(k, v));
                remembered.put(k, v);
            });
        } finally {
            syncing = false;
        }
        if (expr.equals(expression.get())) {
            recompute(false);
        } else {
            expression.set(expr);
        }
        note.set(presetNote == null ? "" : presetNote);
    }

    public void stepForward() {
        Picture p = picture.get();
        if (p == null || step.get() >= p.steps().size() - 1) {
            return;
        }
        if (predict.get() && nextIsBackward() && !feedback.get().startsWith("✓") && !feedback.get().startsWith("✗")) {
            feedback.set("Type the downstream gradient of the next step first, or turn prediction off.");
            return;
        }
        feedback.set("");
        step.set(step.get() + 1);
    }

    public void stepBack() {
        if (step.get() > -1) {
            feedback.set("");
            step.set(step.get() - 1);
        }
    }

    public void reset() {
        feedback.set("");
        step.set(-1);
    }

    /** Shows step {@code at} (-1: ready) at once, as a session saved it; beyond the last step is the last. */
    public void showStep(int at) {
        Picture p = picture.get();
        feedback.set("");
        step.set(p == null ? -1 : Math.max(-1, Math.min(at, p.steps().size() - 1)));
    }

    /** The number of steps of the current expression (0 while it does not read). */
    public int stepCount() {
        Picture p = picture.get();
        return p == null ? 0 : p.steps().size();
    }

    public void toEnd() {
        Picture p = picture.get();
        if (p != null) {
            feedback.set("");
            step.set(p.steps().size() - 1);
        }
    }

    /** Prediction mode: checks the first downstream gradient of the next backward step. */
    public boolean checkPrediction(String typed) {
        Picture p = picture.get();
        if (p == null || !nextIsBackward()) {
            feedback.set("Predictions are for backward steps.");
            return false;
        }
        Picture.Step next = p.steps().get(step.get() + 1);
        if (next.flows().isEmpty()) {
            feedback.set("✓ Nothing flows back from this node; continue.");
            return true;
        }
        Picture.Flow first = next.flows().get(0);
        String into = p.nodes().get(p.edges().get(first.edge()).from()).label();
        double guess;
        try {
            guess = Double.parseDouble(typed.strip());
        } catch (NumberFormatException e) {
            feedback.set("'" + typed + "' is not a number.");
            return false;
        }
        double want = first.downstream();
        boolean ok = Math.abs(guess - want) <= 1e-6 * Math.max(1, Math.abs(want));
        feedback.set((ok ? "✓ Right: " : "✗ Not quite: ") + "the gradient into " + into + " is "
                + Numbers.format(first.upstream()) + " × " + Numbers.format(first.local()) + " = "
                + Numbers.format(want) + ". Step to see it flow.");
        return ok;
    }

    boolean nextIsBackward() {
        Picture p = picture.get();
        return p != null && step.get() + 1 < p.steps().size()
                && p.steps().get(step.get() + 1).phase() == Picture.Phase.BACKWARD;
    }

    private void recompute(boolean expressionChanged) {
        Picture before = picture.get();
        try {
            if (expressionChanged) {
                feedback.set("");
                syncVariables();
            }
            Map<String, String> raw = new LinkedHashMap<>();
            variables.forEach(v -> raw.put(v.name(), v.valueProperty().get()));
            Pictures.Computed c = Pictures.compute(expression.get(), raw);
            error.set("");
            picture.set(c.picture());
            gradients.setAll(c.gradients());
            result.set(c.summary() + updateText(c));
            int keep = before != null && before.steps().size() == c.picture().steps().size() && !expressionChanged
                    ? step.get() : -1;
            if (keep == step.get()) {
                refreshFrame();
            } else {
                step.set(keep);
            }
        } catch (RuntimeException e) {
            if (!(e instanceof app.descent.UserInputException u)) {
                throw e;
            }
            error.set(u.detail().isEmpty() ? u.getMessage() : u.getMessage() + "\n" + u.detail());
            // a verdict on the last working expression says nothing about this one
            feedback.set("");
            picture.set(null);
            gradients.clear();
            result.set("");
            step.set(-1);
            refreshFrame();
        }
    }

    private String updateText(Pictures.Computed c) {
        if (update == null) {
            return "";
        }
        return c.gradients().stream().filter(g -> g.name().equals(update)).findFirst().map(g -> {
            double value = variables.stream().filter(v -> v.name().equals(update)).findFirst()
                    .map(v -> Double.parseDouble(v.valueProperty().get())).orElse(Double.NaN);
            return "\nGradient descent, lr " + Numbers.format(learningRate) + ": " + update + " ← "
                    + Numbers.format(value) + " − " + Numbers.format(learningRate) + " × " + Numbers.format(g.analytic())
                    + " = " + Numbers.format(value - learningRate * g.analytic());
        }).orElse("");
    }

    // keeps the values of variables that remain, adds new ones with a default of 1, drops the rest
    private void syncVariables() {
        Map<String, String> old = new LinkedHashMap<>(remembered);
        variables.forEach(v -> old.put(v.name(), v.valueProperty().get()));
        List<String> names = Pictures.variables(expression.get(), old.keySet());
        // the same names in another order: keep the table's order (a preset's, or the person's)
        if (new java.util.HashSet<>(names).equals(new java.util.HashSet<>(variables.stream().map(Variable::name).toList()))) {
            return;
        }
        syncing = true;
        try {
            variables.clear();
            for (String n : names) {
                variables.add(new Variable(n, old.getOrDefault(n, "1")));
            }
        } finally {
            syncing = false;
        }
    }

    private void refreshFrame() {
        Picture p = picture.get();
        atStart.set(step.get() < 0);
        atEnd.set(p == null || step.get() >= p.steps().size() - 1);
        frame.set(p == null ? null : Frame.of(p, step.get()));
    }
}
