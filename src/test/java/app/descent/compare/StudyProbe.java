package app.descent.compare;

class StudyProbe {
    @org.junit.jupiter.api.Test
    void probe() {
        for (String id : System.getProperty("studies", "").split(",")) {
            long t = System.nanoTime();
            Study.Report r = Study.byId(id).run();
            StringBuilder b = new StringBuilder(id + " " + (System.nanoTime() - t) / 1_000_000 + " ms: " + r.headline() + "\n  " + r.columns() + "\n");
            for (Study.Row row : r.rows()) {
                b.append("  ").append(row.label()).append(" ").append(java.util.Arrays.toString(row.values())).append(" ").append(row.note()).append('\n');
            }
            System.out.println(b);
        }
    }
}
