package app.descent.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A person's own data: numeric feature columns and one label column (the last, unless named). The first row is
 * a header when one of its feature cells is not a number. Separators: comma, semicolon or tab.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    public static TabularSet load(Path file) {
        return load(file, null);
    }

    /** @param labelColumn header name or 1-based index of the label column; null for the last */
    public static TabularSet load(Path file, String labelColumn) {
        List<String> lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new DatasetException(file + ": the file is empty");
        }
        String separator = separatorOf(lines.get(first));
        String[] head = split(lines.get(first), separator);
        if (head.length < 2) {
            throw new DatasetException(file + " line " + (first + 1)
                    + ": need at least one feature column and a label column (separated by , ; or tab)");
        }
        int label = labelIndex(file, head, labelColumn);
        boolean header = false;
        for (int c = 0; c < head.length; c++) {
            if (c != label && !isNumber(head[c])) {
                header = true;
            }
        }
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < head.length; c++) {
            if (c != label) {
                featureNames.add(header ? head[c] : "x" + (featureNames.size() + 1));
            }
        }
        List<float[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        for (int i = header ? first + 1 : first; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = split(lines.get(i), separator);
            if (cells.length != head.length) {
                throw new DatasetException(file + " line " + (i + 1) + ": " + cells.length + " columns, expected "
                        + head.length);
            }
            float[] row = new float[head.length - 1];
            int k = 0;
            for (int c = 0; c < cells.length; c++) {
                if (c == label) {
                    continue;
                }
                try {
                    row[k++] = Float.parseFloat(cells[c]);
                } catch (NumberFormatException e) {
                    throw new DatasetException(file + " line " + (i + 1) + ": column " + (c + 1) + " '" + cells[c]
                            + "' is not a number");
                }
                if (!Float.isFinite(row[k - 1])) {
                    throw new DatasetException(file + " line " + (i + 1) + ": column " + (c + 1) + " '" + cells[c]
                            + "' is not a finite number");
                }
            }
            if (cells[label].isEmpty()) {
                throw new DatasetException(file + " line " + (i + 1) + ": the label is empty");
            }
            rows.add(row);
            rawLabels.add(cells[label]);
        }
        if (rows.isEmpty()) {
            throw new DatasetException(file + ": no data rows after the header");
        }
        return toSet(rows, rawLabels, featureNames);
    }

    private static TabularSet toSet(List<float[]> rows, List<String> rawLabels, List<String> featureNames) {
        boolean numeric = rawLabels.stream().allMatch(CsvLoader::isInteger);
        TreeMap<String, Integer> index = new TreeMap<>();
        if (numeric) {
            TreeSet<Long> values = new TreeSet<>();
            rawLabels.forEach(l -> values.add(Long.parseLong(l)));
            values.forEach(v -> index.put(String.valueOf(v), index.size()));
        } else {
            new TreeSet<>(rawLabels).forEach(l -> index.put(l, index.size()));
        }
        int features = featureNames.size();
        float[] x = new float[rows.size() * features];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * features, features);
            String key = numeric ? String.valueOf(Long.parseLong(rawLabels.get(i))) : rawLabels.get(i);
            labels[i] = index.get(key);
        }
        List<String> classNames = new ArrayList<>(index.size());
        index.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).forEach(e -> classNames.add(e.getKey()));
        return new TabularSet(x, labels, features, featureNames, classNames);
    }

    private static int labelIndex(Path file, String[] head, String labelColumn) {
        if (labelColumn == null) {
            return head.length - 1;
        }
        for (int c = 0; c < head.length; c++) {
            if (head[c].equals(labelColumn)) {
                return c;
            }
        }
        try {
            int i = Integer.parseInt(labelColumn);
            if (i >= 1 && i <= head.length) {
                return i - 1;
            }
        } catch (NumberFormatException e) {
            // not an index either: reported below
        }
        throw new DatasetException(file + ": no label column '" + labelColumn + "' (columns: "
                + String.join(", ", head) + ")");
    }

    private static String separatorOf(String line) {
        if (line.contains("\t")) {
            return "\t";
        }
        return line.contains(";") && !line.contains(",") ? ";" : ",";
    }

    private static String[] split(String line, String separator) {
        String[] cells = line.split(java.util.regex.Pattern.quote(separator), -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = unquote(cells[i].strip());
        }
        return cells;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInteger(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
