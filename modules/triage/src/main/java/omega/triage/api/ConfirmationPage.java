package omega.triage.api;

import java.util.List;

/** A page of confirmations, oldest waiting first; {@code page} counts from 0. */
public record ConfirmationPage(List<Confirmation> items, int page, int size, long total) {
}
