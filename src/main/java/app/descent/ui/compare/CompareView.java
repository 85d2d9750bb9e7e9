package app.descent.ui.compare;

import javafx.fxml.FXML;

/** Controller of CompareView.fxml: one tab per comparison tool, each with its own view and view model. */
public final class CompareView {
    @FXML private ActivationsView activationsController;
    @FXML private InspectView inspectController;
    @FXML private PathsView pathsController;
    @FXML private RunsView runsController;
    @FXML private SearchView searchController;
    @FXML private javafx.scene.control.TabPane tabs;

    /** A lesson's action for Compare or its optimizer paths opens that tab. */
    @FXML
    private void initialize() {
        javafx.beans.value.ChangeListener<app.descent.ui.Session.Setup> open = (o, a, r) -> {
            if (r != null && (r.workspace().equals("paths") || r.workspace().equals("compare"))) {
                tabs.getSelectionModel().select(tabs.getTabs().stream()
                        .filter(t -> ("tab-" + (r.workspace().equals("paths") ? "paths" : "runs")).equals(t.getId()))
                        .findFirst().orElseThrow());
            }
        };
        app.descent.ui.Session.listen(app.descent.ui.Session.setupRequest(), open);
        app.descent.ui.session.Sessions.register(new CompareState(this).rememberDefaults());
        open.changed(null, null, app.descent.ui.Session.setupRequest().get());
    }

    /** The selected tab's name in a session: runs, activations, inspect, paths or search. */
    String selectedTab() {
        return tabs.getSelectionModel().getSelectedItem().getId().substring("tab-".length());
    }

    void selectTab(String name) {
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> ("tab-" + name).equals(t.getId()))
                .findFirst().orElseThrow());
    }

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
