package app.descent.ui.backprop;

import app.descent.io.Csv;

/** The replay as a CSV table: one row per gradient flowing back, forward steps with their values. */
final class StepTable {
    private StepTable() {
    }

    static String csv(Picture p) {
        Csv.Table b = Csv.table("step", "phase", "node", "value", "input", "upstream", "local", "downstream",
                "explanation");
        int i = 1;
        for (Picture.Step s : p.steps()) {
            Picture.Node n = p.nodes().get(s.node());
            if (s.phase() == Picture.Phase.FORWARD || s.flows().isEmpty()) {
                b.row(i, s.phase().name().toLowerCase(), n.label(), n.value(), null, null, null, null, s.text());
            }
            if (s.phase() == Picture.Phase.BACKWARD) {
                for (Picture.Flow f : s.flows()) {
                    Picture.Node in = p.nodes().get(p.edges().get(f.edge()).from());
                    b.row(i, "backward", n.label(), n.value(), in.label(), f.upstream(), f.local(), f.downstream(),
                            s.text());
                }
            }
            i++;
        }
        return b.toString();
    }
}
