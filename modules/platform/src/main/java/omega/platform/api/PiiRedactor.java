package omega.platform.api;

import java.util.Collection;

/**
 * Replaces personal data in a text with stable tokens ({@code <EMAIL_1>}, {@code <PHONE_1>}, {@code <IP_1>},
 * {@code <NAME_1>}, {@code <URL_1>}, {@code <CARD_1>}) before the text leaves the process, e.g. to an external
 * language model. The same value gets the same token within one redaction; the mapping back to the originals
 * lives only in the returned {@link Redaction} (memory), never in a log or a store.
 */
public interface PiiRedactor {

    /**
     * @param text        the text to send out; null is treated as empty
     * @param personNames the ticket's requester fields (a name, {@code Name <mail>}, an e-mail address, ...):
     *                    the names they contain are tokenized wherever they occur; may be empty
     */
    Redaction redact(String text, Collection<String> personNames);
}
