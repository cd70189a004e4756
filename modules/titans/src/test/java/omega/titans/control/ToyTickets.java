package omega.titans.control;

import omega.titans.api.LabelledExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generated tickets of three well separated kinds; {@code noise} is the share whose label is replaced at random. */
final class ToyTickets {

    static final Map<String, List<String>> WORDS = Map.of(
            "printing", List.of("printer", "toner", "paper", "jam", "tray", "print", "scanner", "cartridge"),
            "access", List.of("password", "login", "locked", "account", "reset", "credentials", "mfa", "expired"),
            "network", List.of("vpn", "wifi", "network", "disconnects", "router", "latency", "dns", "ethernet"));
    private static final List<String> FILLER = List.of("please", "help", "since", "morning", "urgent", "thanks", "user", "office");

    private ToyTickets() {
    }

    static List<LabelledExample> generate(int perValue, double noise, long seed) {
        Random random = new Random(seed);
        List<String> values = List.copyOf(new java.util.TreeSet<>(WORDS.keySet()));
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < perValue; i++) {
            for (String value : values) {
                String label = random.nextDouble() < noise ? values.get(random.nextInt(values.size())) : value;
                examples.add(new LabelledExample("T-" + examples.size(), text(value, random), Map.of("category", label)));
            }
        }
        return examples;
    }

    static String text(String value, Random random) {
        List<String> words = WORDS.get(value);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 4; w++) {
            text.append(words.get(random.nextInt(words.size()))).append(' ');
            text.append(FILLER.get(random.nextInt(FILLER.size()))).append(' ');
        }
        return text.toString().strip();
    }
}
