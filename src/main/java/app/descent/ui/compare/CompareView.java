package app.descent.ui.compare;

import javafx.fxml.FXML;

/** Controller of CompareView.fxml: one tab per comparison tool, each with its own view and view model. */
public final class CompareView {
    @FXML private ActivationsView activationsController;
    @FXML private InspectView inspectController;
    @FXML private PathsView pathsController;
    @FXML private RunsView runsController;
    @FXML private SearchView searchController;

    public ActivationsView activations() {
        return activationsController;
    }

    public SearchView search() {
        return searchController;
    }

    public RunsView runs() {
        return runsController;
    }

    public PathsView paths() {
        return pathsController;
    }

    public InspectView inspect() {
        return inspectController;
    }
}
