package app.descent.ui.shell;

import app.descent.training.ComputeEngine;
import app.descent.training.ComputeEngine.EngineStatus;
import app.descent.ui.fx.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

/** State of the main window: current workspace, theme, presentation mode, and the compute engine's status. */
public final class ShellViewModel {
    private final ShellSettings settings;
    private final ObjectProperty<Workspace> workspace;
    private final BooleanProperty dark;
    private final BooleanProperty presentation;
    private final ReadOnlyStringWrapper engineLabel = new ReadOnlyStringWrapper("Loading PyTorch…");
    private final ReadOnlyBooleanWrapper engineLoading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<EngineStatus> engine = new ReadOnlyObjectWrapper<>();

    public ShellViewModel(ShellSettings settings) {
        this.settings = settings;
        workspace = new SimpleObjectProperty<>(settings.workspace());
        dark = new SimpleBooleanProperty(settings.dark());
        presentation = new SimpleBooleanProperty(settings.presentation());
        workspace.addListener((o, a, w) -> settings.saveWorkspace(w));
        dark.addListener((o, a, d) -> settings.saveDark(d));
        presentation.addListener((o, a, p) -> settings.savePresentation(p));
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ReadOnlyStringProperty engineLabelProperty() {
        return engineLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty engineLoadingProperty() {
        return engineLoading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EngineStatus> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    public ShellSettings settings() {
        return settings;
    }

    /** Loading libtorch takes seconds, so it happens after the window is up. */
    public void loadEngine() {
        Task<EngineStatus> task = new Task<>() {
            @Override
            protected EngineStatus call() {
                return ComputeEngine.probe();
            }
        };
        task.setOnSucceeded(e -> {
            EngineStatus status = task.getValue();
            engine.set(status);
            engineLabel.set(status.ok() ? status.label() : status.label() + " (" + status.detail() + ")");
            engineLoading.set(false);
        });
        task.setOnFailed(e -> {
            engineLabel.set("Compute engine failed to load: " + task.getException().getMessage());
            engineLoading.set(false);
        });
        Background.start(task);
    }
}
