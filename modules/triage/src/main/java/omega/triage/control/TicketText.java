package omega.triage.control;

import java.util.List;

import omega.platform.api.PiiRedactor;

/**
 * The text the titans see, for decisions and training alike: title and body, personal data tokenized (the requester's
 * names too), capped at {@value #MAX_CHARS} characters, never empty.
 */
public final class TicketText {

    static final int MAX_CHARS = 4000;

    private TicketText() {
    }

    public static String of(PiiRedactor redactor, String title, String body, String requester) {
        String raw = ((title == null ? "" : title.strip()) + "\n" + (body == null ? "" : body.strip())).strip();
        if (raw.length() > MAX_CHARS) {
            raw = raw.substring(0, MAX_CHARS);
        }
        String text = redactor.redact(raw, requester == null || requester.isBlank() ? List.of() : List.of(requester))
                .text().strip();
        return text.isEmpty() ? "(empty ticket)" : text;
    }
}
