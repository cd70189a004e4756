package omega.connectors.api;

import java.util.List;

/** A page of normalization failures, newest first; {@code page} counts from 0. */
public record FailurePage(List<FailureView> items, int page, int size, long total) {
}
