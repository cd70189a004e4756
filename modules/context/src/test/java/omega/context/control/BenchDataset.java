package omega.context.control;

import omega.platform.control.PythonShuffle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared Endava ticket subset (title, body, category), shuffled with a seed and split for evaluation. */
final class BenchDataset {

    record Row(String title, String body, String category) {
        /** The text as the context module sees a ticket: non-blank title and body joined by a newline. */
        String text() {
            if (title.isBlank()) {
                return body;
            }
            return body.isBlank() ? title : title + "\n" + body;
        }
    }

    private BenchDataset() {
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            if (!(fields.get(0) + fields.get(1)).isBlank()) {
                rows.add(new Row(fields.get(0), fields.get(1), fields.get(3)));
            }
        }
        return rows;
    }

    /**
     * @return the rows in CPython's {@code random.Random(seed).shuffle} order: with seed 42 and the first 80 % for
     *         training, the split of the dataset README's reference figures and of the titans' evaluation
     */
    static List<Row> shuffled(List<Row> rows, long seed) {
        return PythonShuffle.permutation(rows.size(), seed).stream().map(rows::get).toList();
    }

    /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
