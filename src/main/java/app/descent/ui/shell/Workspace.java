package app.descent.ui.shell;

import javafx.scene.input.KeyCode;

/** The six workspaces, in the order of the rail and of Ctrl+1..Ctrl+6. */
public enum Workspace {
    BACKPROP("backprop", "Backprop", "Step through the forward and backward pass of any expression", KeyCode.DIGIT1),
    BUILDER("builder", "Builder", "Build networks and see every layer's shape, parameters and cost", KeyCode.DIGIT2),
    TRAINING("training", "Training", "Train a network with live loss and accuracy", KeyCode.DIGIT3),
    COMPARE("compare", "Compare", "Activations, initializers and optimizers side by side", KeyCode.DIGIT4),
    PRACTICE("practice", "Practice", "Exam questions with instant checks and worked answers", KeyCode.DIGIT5),
    LEARN("learn", "Learn", "Guided lessons that set up the workspaces and check your answers", KeyCode.DIGIT6);

    private final String id;
    private final String title;
    private final String summary;
    private final KeyCode key;

    Workspace(String id, String title, String summary, KeyCode key) {
        this.id = id;
        this.title = title;
        this.summary = summary;
        this.key = key;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public KeyCode key() {
        return key;
    }

    /** FXML of the workspace's view: {@code /fxml/<id>/<Title>View.fxml}. */
    public String fxml() {
        return "/fxml/" + id + "/" + title + "View.fxml";
    }

    public static Workspace byId(String id, Workspace fallback) {
        for (Workspace w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        return fallback;
    }
}
