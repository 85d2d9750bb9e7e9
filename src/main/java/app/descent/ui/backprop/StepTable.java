package app.descent.ui.backprop;

/** The replay as a CSV table: one row per gradient flowing back, forward steps with their values. */
final class StepTable {
    private StepTable() {
    }

    static String csv(Picture p) {
        StringBuilder b = new StringBuilder("step,phase,node,value,input,upstream,local,downstream,explanation\n");
        int i = 1;
        for (Picture.Step s : p.steps()) {
            Picture.Node n = p.nodes().get(s.node());
            if (s.phase() == Picture.Phase.FORWARD || s.flows().isEmpty()) {
                b.append(i).append(',').append(s.phase().name().toLowerCase()).append(',').append(quote(n.label()))
                        .append(',').append(n.value()).append(",,,,,").append(quote(s.text())).append('\n');
            }
            if (s.phase() == Picture.Phase.BACKWARD) {
                for (Picture.Flow f : s.flows()) {
                    Picture.Node in = p.nodes().get(p.edges().get(f.edge()).from());
                    b.append(i).append(",backward,").append(quote(n.label())).append(',').append(n.value()).append(',')
                            .append(quote(in.label())).append(',').append(f.upstream()).append(',').append(f.local())
                            .append(',').append(f.downstream()).append(',').append(quote(s.text())).append('\n');
                }
            }
            i++;
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
