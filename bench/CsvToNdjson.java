import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts shared/datasets/endava-tickets-subset.csv (title,body,ticket_type,category,sub_category1,sub_category2,
 * business_service,urgency,impact) into NDJSON for POST /api/v1/models/train, in parts below 1 MiB (the default body
 * limit). Labels: category, urgency, impact. Run: java bench/CsvToNdjson.java <csv> <out-dir>, then
 * for f in out-dir/*.ndjson; do curl -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson'
 * --data-binary @$f http://localhost:9080/api/v1/models/train; done
 */
public class CsvToNdjson {

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        if (!Files.exists(csv)) {
            System.out.println("SKIPPED: " + csv + " not found");
            return;
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int part = 0;
        long size = 0;
        Writer writer = null;
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = fields(lines.get(i));
            if (f.size() < 9) {
                continue;
            }
            String json = "{\"externalId\":\"endava-" + i + "\",\"title\":" + quote(f.get(0)) + ",\"body\":" + quote(f.get(1))
                    + ",\"labels\":{\"category\":" + quote(f.get(3)) + ",\"urgency\":" + quote(f.get(7)) + ",\"impact\":"
                    + quote(f.get(8)) + "}}\n";
            if (writer == null || size + json.length() > 900_000) {
                if (writer != null) {
                    writer.close();
                }
                writer = Files.newBufferedWriter(out.resolve(String.format("part-%03d.ndjson", ++part)));
                size = 0;
            }
            writer.write(json);
            size += json.getBytes(StandardCharsets.UTF_8).length;
        }
        if (writer != null) {
            writer.close();
        }
        System.out.println(part + " parts in " + out);
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
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

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
